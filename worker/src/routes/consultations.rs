//! Consultations for businesses and the library: the request without an account and its private
//! link, the staff's board, the volunteers' list, and the library's reading and editing. Handlers
//! parse and answer; the flows are `service::consultations` and `service::library`.

use domain::consultations::{
    AssignRequest, CloseRequest, ConsultationRequest, ConsultationStatus, Feedback,
    GiveBackRequest, LibraryDraft, LibraryInput, ScheduleRequest, TopicInput, Unsuitable,
    Volunteering,
};
use domain::endpoints as ep;
use domain::ApiMsg;
use serde::Deserialize;
use worker::Response;

use super::bookings::ics_response;
use super::{handler, Ctx, Limit, Per, Route, DAY, HOUR};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::ApiError;
use crate::http;
use crate::rights::{Rights, Side};
use crate::service::consultations::{self as service, Asker, Context};
use crate::service::library;

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(ep::CONSULTATION_TOPICS, "The topics a business can ask about, in the staff's order (hidden ones say so).", "consultations", Public, handler!(topics)),
        Route::new(ep::LIBRARY, "The published resources by title, on a topic (`topic`, a slug) and matching words (`q`, accents and case ignored).", "library", Public, handler!(library_list))
            .query(&[("topic", "a topic's slug", false), ("q", "words to find", false)]),
        Route::new(ep::LIBRARY_ITEM, "A published resource with its body as sanitised HTML.", "library", Public, handler!(library_item)),
        Route::new(ep::REQUEST_CONSULTATION, "A business asks for a consultation (no account). The private link is answered and emailed; a second request with the same email gets its own link, never the first one's.", "consultations", Public, handler!(request))
            .limits(const { &[Limit::refuse(Per::Client, 5, HOUR), Limit::refuse(Per::Mailbox, 3, DAY)] })
            .sends_email()
            .status(201),
        Route::new(ep::CONSULTATION, "A request by its private link: its timeline, the appointment, the volunteer's first name, the resources.", "consultations", Public, handler!(get)),
        Route::new(ep::CANCEL_CONSULTATION, "Cancel the request (when still open) and erase its personal fields now; the link stops working. What an appointment held is freed and the volunteer told.", "consultations", Public, handler!(cancel))
            .invalidates(&[Scope::Availability]),
        Route::new(ep::CONSULTATION_ICS, "The appointment as an iCalendar file (404 before one is set).", "consultations", Public, handler!(ics)),
        Route::new(ep::EXPORT_CONSULTATION, "Everything the request holds, as a JSON file.", "consultations", Public, handler!(export)),
        Route::new(ep::CONSULTATION_UNSUITABLE, "The appointment does not suit: the requester says why; the volunteer proposes another (409 when there is no appointment).", "consultations", Public, handler!(unsuitable))
            .limits(const { &[Limit::refuse(Per::Client, 30, HOUR), Limit::refuse(Per::Link, 5, DAY)] })
            .invalidates(&[Scope::Availability]),
        Route::new(ep::CONSULTATION_FEEDBACK, "Once done: was it useful, and a comment (once; 409 otherwise).", "consultations", Public, handler!(feedback)),
        Route::new(ep::STAFF_CONSULTATIONS, "The board: open requests (new, assigned, scheduled), then those closed in the last 90 days; `status` keeps one state.", "staff", Staff, handler!(board))
            .query(&[("status", "new, assigned, scheduled, done, declined or cancelled", false)]),
        Route::new(ep::STAFF_CONSULTATION, "One request with its offers.", "staff", Staff, handler!(staff_one)),
        Route::new(ep::CONSULTATION_VOLUNTEERS, "Who to offer it to: volunteers on its topics, under their monthly cap, the fewest open consultations first, each with why; then every volunteer.", "staff", Staff, handler!(volunteers)),
        Route::new(ep::ASSIGN_CONSULTATION, "Offer the request to a member, or give it to another (`replaces`: the volunteer the staff saw on it). Two staff at once: one wins, the other gets 409.", "staff", Staff, handler!(assign)),
        Route::new(ep::SCHEDULE_CONSULTATION, "Set or move the appointment; at the cantine (`resource`: the room's or the desks' slug) the room or a desk is held in the same step, 409 if taken.", "staff", Staff, handler!(staff_schedule))
            .invalidates(&[Scope::Availability]),
        Route::new(ep::CLOSE_CONSULTATION, "Close: `done` with a note and recommended resources, or `declined` with the reason the requester reads.", "staff", Staff, handler!(staff_close))
            .invalidates(&[Scope::Availability]),
        Route::new(ep::CREATE_CONSULTATION_TOPIC, "Add a topic to the list.", "staff", Staff, handler!(create_topic))
            .status(201),
        Route::new(ep::UPDATE_CONSULTATION_TOPIC, "Rename a topic, hide it or show it again.", "staff", Staff, handler!(update_topic)),
        Route::new(ep::STAFF_LIBRARY, "Every resource, unpublished ones included.", "staff", Staff, handler!(staff_library)),
        Route::new(ep::CREATE_LIBRARY_ITEM, "Write a resource in Markdown (rendered and sanitised on reading).", "staff", Staff, handler!(create_item))
            .status(201),
        Route::new(ep::PREVIEW_LIBRARY_ITEM, "The page a draft makes (its Markdown rendered and sanitised as readers get it), without saving anything: the editor's preview follows the typing.", "staff", Staff, handler!(preview_item)),
        Route::new(ep::LIBRARY_DRAFT, "A resource's Markdown source and its rendering.", "staff", Staff, handler!(draft)),
        Route::new(ep::UPDATE_LIBRARY_ITEM, "Change a resource (its address stays).", "staff", Staff, handler!(update_item)),
        Route::new(ep::MY_CONSULTATIONS, "The consultations offered to the member or that they have (the requester's contact once accepted), and those done in the last 90 days.", "me", Member, handler!(my_list)),
        Route::new(ep::ACCEPT_CONSULTATION, "Take the consultation offered (409 if it went to someone else meanwhile; 404 if it was never offered to the member).", "me", Member, handler!(accept)),
        Route::new(ep::DECLINE_CONSULTATION, "Give it back with a reason staff read; it returns to the board and the member loses access.", "me", Member, handler!(decline))
            .invalidates(&[Scope::Availability]),
        Route::new(ep::MY_SCHEDULE_CONSULTATION, "The volunteer who accepted it sets or moves the appointment (as staff do).", "me", Member, handler!(my_schedule))
            .invalidates(&[Scope::Availability]),
        Route::new(ep::MY_CLOSE_CONSULTATION, "The volunteer marks it done, with a short note and recommended resources.", "me", Member, handler!(my_close)),
        Route::new(ep::MY_VOLUNTEERING, "Whether the member volunteers for consultations, on which topics, how many a month at most.", "me", Member, handler!(my_volunteering)),
        Route::new(ep::SET_MY_VOLUNTEERING, "Volunteer (topics required) or stop; 1 to 20 a month.", "me", Member, handler!(set_my_volunteering)),
    ]
}

#[derive(Deserialize, Default)]
struct LibraryQuery {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    q: String,
}

pub async fn topics(ctx: Ctx) -> Result<Response, ApiError> {
    http::json(&service::topics(&ctx.db()?).await?, 200)
}

pub async fn library_list(ctx: Ctx) -> Result<Response, ApiError> {
    let q: LibraryQuery = ctx.query()?;
    let list = library::list(&ctx.db()?, q.topic.trim(), q.q.trim()).await?;
    http::json(&list, 200)
}

fn slug(ctx: &Ctx) -> String {
    ctx.param("slug").unwrap_or_default().to_string()
}

fn token(ctx: &Ctx) -> String {
    ctx.param("token").unwrap_or_default().to_string()
}

pub async fn library_item(ctx: Ctx) -> Result<Response, ApiError> {
    http::json(&library::item(&ctx.db()?, &slug(&ctx)).await?, 200)
}

pub async fn request(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: ConsultationRequest = ctx.json().await?;
    let mailbox = ctx
        .tally(Per::Mailbox, &domain::privacy::mailbox(&body.email))
        .await?;
    let site = ctx.site()?;
    let who = Asker {
        mailbox,
        site_url: &site.url,
    };
    let created = service::request(&ctx.db()?, &body, &who, ctx.now).await?;
    http::json(&created, 201)
}

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let row = service::by_token(&db, &token(&ctx)).await?;
    http::json(&service::view(&db, &row).await?, 200)
}

pub async fn export(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let row = service::by_token(&db, &token(&ctx)).await?;
    let mut resp = http::json(&service::view(&db, &row).await?, 200)?;
    http::set_header(
        &mut resp,
        "Content-Disposition",
        "attachment; filename=\"silicon-kerne-consultation.json\"",
    )?;
    Ok(resp)
}

pub async fn cancel(ctx: Ctx) -> Result<Response, ApiError> {
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    service::cancel(&ctx.db()?, &token(&ctx), &acting, ctx.now).await?;
    http::empty(204)
}

pub async fn ics(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let row = service::by_token(&db, &token(&ctx)).await?;
    ics_response(
        service::ics(&db, &row, ctx.now).await?,
        "silicon-kerne-consultation.ics",
    )
}

pub async fn unsuitable(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: Unsuitable = ctx.json().await?;
    let token = token(&ctx);
    let tally = ctx.tally(Per::Link, &token).await?;
    let site = ctx.site()?;
    let db = ctx.db()?;
    let acting = acting(&ctx, &site);
    let view = service::unsuitable(&db, &token, &body.message, &acting, ctx.now).await?;
    crate::repo::run(tally.record(&db, ctx.now)?, "counting the link's emails").await?;
    http::json(&view, 200)
}

pub async fn feedback(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: Feedback = ctx.json().await?;
    let view = service::give_feedback(&ctx.db()?, &token(&ctx), &body, ctx.now).await?;
    http::json(&view, 200)
}

#[derive(Deserialize, Default)]
struct StatusFilter {
    #[serde(default)]
    status: String,
}

pub async fn board(ctx: Ctx) -> Result<Response, ApiError> {
    let f: StatusFilter = ctx.query()?;
    let status =
        match f.status.trim() {
            "" => None,
            s => Some(ConsultationStatus::parse(s).ok_or_else(|| {
                ApiError::Validation(vec![("status".into(), ApiMsg::ErrValidation)])
            })?),
        };
    http::json(&service::board(&ctx.db()?, status, ctx.now).await?, 200)
}

pub async fn staff_one(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    http::json(&service::staff_one(&ctx.db()?, id).await?, 200)
}

pub async fn volunteers(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    http::json(&service::volunteers(&ctx.db()?, id, ctx.now).await?, 200)
}

pub async fn assign(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: AssignRequest = ctx.json().await?;
    let staff = Rights::of(ctx.member()?).on_consultations(Side::Board)?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    let view = service::assign(&ctx.db()?, id, &body, staff, &acting, ctx.now).await?;
    http::json(&view, 200)
}

pub async fn staff_schedule(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: ScheduleRequest = ctx.json().await?;
    let staff = Rights::of(ctx.member()?).on_consultations(Side::Board)?;
    let db = ctx.db()?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    service::schedule(&db, id, &body, staff, &acting, ctx.now).await?;
    http::json(&service::staff_one(&db, id).await?, 200)
}

pub async fn staff_close(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: CloseRequest = ctx.json().await?;
    let staff = Rights::of(ctx.member()?).on_consultations(Side::Board)?;
    let db = ctx.db()?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    service::close(&db, id, &body, staff, &acting, ctx.now).await?;
    http::json(&service::staff_one(&db, id).await?, 200)
}

pub async fn create_topic(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: TopicInput = ctx.json().await?;
    let list = service::save_topic(&ctx.db()?, None, &body, &ctx.caller, ctx.now).await?;
    http::json(&list, 201)
}

pub async fn update_topic(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: TopicInput = ctx.json().await?;
    let slug = slug(&ctx);
    let list = service::save_topic(&ctx.db()?, Some(&slug), &body, &ctx.caller, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn staff_library(ctx: Ctx) -> Result<Response, ApiError> {
    http::json(&library::all(&ctx.db()?).await?, 200)
}

pub async fn create_item(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: LibraryInput = ctx.json().await?;
    let actor = ctx.member()?.id;
    let draft = library::save(&ctx.db()?, None, &body, &ctx.caller, actor, ctx.now).await?;
    http::json(&draft, 201)
}

pub async fn preview_item(mut ctx: Ctx) -> Result<Response, ApiError> {
    let input: LibraryInput = ctx.json().await?;
    let (html, html_en) = (
        library::render(&input.body),
        library::render(&input.body_en),
    );
    http::json(
        &LibraryDraft {
            input,
            html,
            html_en,
        },
        200,
    )
}

pub async fn draft(ctx: Ctx) -> Result<Response, ApiError> {
    http::json(&library::draft(&ctx.db()?, &slug(&ctx)).await?, 200)
}

pub async fn update_item(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: LibraryInput = ctx.json().await?;
    let actor = ctx.member()?.id;
    let slug = slug(&ctx);
    let draft = library::save(&ctx.db()?, Some(&slug), &body, &ctx.caller, actor, ctx.now).await?;
    http::json(&draft, 200)
}

pub async fn my_list(ctx: Ctx) -> Result<Response, ApiError> {
    let me = ctx.member()?.id;
    http::json(&service::my_list(&ctx.db()?, me, ctx.now).await?, 200)
}

pub async fn accept(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let me = Rights::of(ctx.member()?).on_consultations(Side::Volunteer)?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    let mine = service::accept(&ctx.db()?, id, me, &acting, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn decline(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: GiveBackRequest = ctx.json().await?;
    let me = Rights::of(ctx.member()?).on_consultations(Side::Volunteer)?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    service::give_back(&ctx.db()?, id, me, &body.reason, &acting, ctx.now).await?;
    http::empty(204)
}

pub async fn my_schedule(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: ScheduleRequest = ctx.json().await?;
    let me = ctx.member()?.id;
    let actor = Rights::of(ctx.member()?).on_consultations(Side::Volunteer)?;
    let db = ctx.db()?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    service::schedule(&db, id, &body, actor, &acting, ctx.now).await?;
    http::json(&service::my_one(&db, id, me).await?, 200)
}

pub async fn my_close(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: CloseRequest = ctx.json().await?;
    let me = ctx.member()?.id;
    let actor = Rights::of(ctx.member()?).on_consultations(Side::Volunteer)?;
    let db = ctx.db()?;
    let site = ctx.site()?;
    let acting = acting(&ctx, &site);
    service::close(&db, id, &body, actor, &acting, ctx.now).await?;
    http::json(&service::my_one(&db, id, me).await?, 200)
}

pub async fn my_volunteering(ctx: Ctx) -> Result<Response, ApiError> {
    let me = ctx.member()?.id;
    http::json(&service::volunteering(&ctx.db()?, me, ctx.now).await?, 200)
}

pub async fn set_my_volunteering(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: Volunteering = ctx.json().await?;
    let me = ctx.member()?.id;
    http::json(
        &service::set_volunteering(&ctx.db()?, me, &body, ctx.now).await?,
        200,
    )
}

/// Who asks beside the actor: this session, for the journal, and the site's address for the
/// links in the emails the change sends.
fn acting<'a>(ctx: &'a Ctx, site: &'a crate::config::Site) -> Context<'a> {
    Context {
        caller: Some(&ctx.caller),
        site_url: &site.url,
    }
}
