//! The general assembly: staff prepare and convene it; each voter answers on their own page.
//! Handlers parse and answer; the flows are `service::assemblies`.

use domain::assembly::{
    AnswerInput, AssemblyInput, CandidacyInput, CloseInput, DoorCheck, RoleInput, VoteInput,
};
use domain::endpoints as ep;
use worker::Response;

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::ApiError;
use crate::http;
use crate::service::assemblies as service;

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(ep::ASSEMBLIES, "General assemblies, the latest first, with their agenda and today's count of voters (the adhérents on the assembly's day).", "staff", Staff, handler!(list)),
        Route::new(ep::CREATE_ASSEMBLY, "Prepare an assembly: its date, place and agenda (\"Questions diverses\" added last), the statutes as they stand; in the meeting room, the room is held in the same write (409 if taken).", "staff", Staff, handler!(create))
            .invalidates(&[Scope::Availability])
            .status(201),
        Route::new(ep::STAFF_ASSEMBLY, "An assembly and each voter's answers (coming, remote, proxies, candidacies).", "staff", Staff, handler!(staff_view)),
        Route::new(ep::CONVENE_ASSEMBLY, "Convene: every voter's convocation is queued with the agenda and their private page (409 once convened, or past the statutes' notice).", "staff", Staff, handler!(convene)),
        Route::new(ep::MY_ASSEMBLIES, "The convened assemblies not over yet, with the caller's answer.", "me", Member, handler!(my_assemblies)),
        Route::new(ep::MY_ASSEMBLY, "The caller's page of an assembly: whether they may vote (and why not), their answer, the proxies asked of them, who can hold theirs, the candidates.", "me", Member, handler!(my_assembly)),
        Route::new(ep::ANSWER_ASSEMBLY, "Come, follow remotely (where the statutes allow it) or give one's proxy to another voter (a proxy cannot be passed on; a holder holds at most what the statutes allow).", "me", Member, handler!(answer)),
        Route::new(ep::STAND_FOR_BOARD, "Stand for the board, or no longer (until the day staff set).", "me", Member, handler!(stand)),
        Route::new(ep::ACCEPT_PROXY, "Accept a proxy asked of the caller (409 past the statutes' cap or when the caller gave theirs).", "me", Member, handler!(accept)),
        Route::new(ep::REFUSE_PROXY, "Refuse a proxy asked of the caller, or give back one accepted.", "me", Member, handler!(refuse)),
        Route::new(ep::ASSEMBLY_DOOR, "On the day: every voter, who is in, the proxies each carries, the quorum live, and each question's vote.", "staff", Staff, handler!(door)),
        Route::new(ep::CHECK_IN_VOTER, "Check a voter in at the door (a giver who comes takes their voice back), or undo it; on the assembly's day only.", "staff", Staff, handler!(check_in)),
        Route::new(ep::OPEN_VOTE, "The chair opens a question's vote: on the day, one at a time, never twice, and not without the statutes' quorum (409 saying the voices present and needed).", "staff", Staff, handler!(open_vote)),
        Route::new(ep::CLOSE_VOTE, "The chair closes the open vote: its count is final.", "staff", Staff, handler!(close_vote)),
        Route::new(ep::JOIN_ASSEMBLY, "A voter who answered \"remotely\" is there, on the day.", "me", Member, handler!(join)),
        Route::new(ep::CAST_VOTE, "One voice on the open question: the caller's own or a proxy's they carry, once per question whatever races (409 the second time); the election's ballot is stored apart from who voted, and its receipt given once.", "me", Member, handler!(cast)),
        Route::new(ep::CLOSE_ASSEMBLY, "Close the assembly (its chair and secretary named, no vote open): its election's elected become the board, its day the last assembly's on the public pages; answers the minutes.", "staff", Staff, handler!(close_assembly))
            .invalidates(&[Scope::Site]),
        Route::new(ep::MINUTES, "The minutes: attendance and proxies, the quorum, each question's result, who signs.", "staff", Staff, handler!(minutes)),
        Route::new(ep::BOARD, "The board elected, with each member's role.", "staff", Staff, handler!(board)),
        Route::new(ep::SET_BOARD_ROLE, "Give a board member a role (president, vice-president, treasurer, secretary, member); an officer's role leaves whoever held it.", "staff", Staff, handler!(set_board_role))
            .invalidates(&[Scope::Site]),
        Route::new(ep::BALLOTS, "A closed election's ballots: each receipt and the candidates it names, in the receipts' random order (no voter).", "assemblies", Public, handler!(ballots)),
    ]
}

pub async fn list(ctx: Ctx) -> Result<Response, ApiError> {
    http::json(&service::list(&ctx.db()?).await?, 200)
}

pub async fn create(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: AssemblyInput = ctx.json().await?;
    let db = ctx.db()?;
    let actor = ctx.member()?.id;
    let created = service::create(&db, &body, &ctx.caller, actor, ctx.now).await?;
    http::json(&created, 201)
}

pub async fn staff_view(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    http::json(&service::staff_view(&ctx.db()?, id).await?, 200)
}

pub async fn convene(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let site = ctx.site()?;
    let view = service::convene(&ctx.db()?, id, &site.url, &ctx.caller, ctx.now).await?;
    http::json(&view, 200)
}

pub async fn my_assemblies(ctx: Ctx) -> Result<Response, ApiError> {
    let list = service::my_cards(&ctx.db()?, ctx.member()?.id, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn my_assembly(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let mine = service::mine(&ctx.db()?, id, ctx.member()?.id, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn answer(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: AnswerInput = ctx.json().await?;
    let mine = service::answer(&ctx.db()?, id, ctx.member()?.id, &body, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn stand(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: CandidacyInput = ctx.json().await?;
    let mine = service::stand(&ctx.db()?, id, ctx.member()?.id, body.stand, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn accept(ctx: Ctx) -> Result<Response, ApiError> {
    let (id, giver) = (ctx.id_param("id")?, ctx.id_param("giver")?);
    let mine = service::accept(&ctx.db()?, id, giver, ctx.member()?.id, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn refuse(ctx: Ctx) -> Result<Response, ApiError> {
    let (id, giver) = (ctx.id_param("id")?, ctx.id_param("giver")?);
    let mine = service::refuse(&ctx.db()?, id, giver, ctx.member()?.id, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn door(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    http::json(&service::door(&ctx.db()?, id, ctx.now).await?, 200)
}

pub async fn check_in(mut ctx: Ctx) -> Result<Response, ApiError> {
    let (id, member) = (ctx.id_param("id")?, ctx.id_param("member")?);
    let body: DoorCheck = ctx.json().await?;
    let door =
        service::check_in(&ctx.db()?, id, member, body.present, &ctx.caller, ctx.now).await?;
    http::json(&door, 200)
}

pub async fn open_vote(ctx: Ctx) -> Result<Response, ApiError> {
    let (id, item) = (ctx.id_param("id")?, ctx.id_param("item")?);
    let door = service::open(&ctx.db()?, id, item, &ctx.caller, ctx.now).await?;
    http::json(&door, 200)
}

pub async fn close_vote(ctx: Ctx) -> Result<Response, ApiError> {
    let (id, item) = (ctx.id_param("id")?, ctx.id_param("item")?);
    let door = service::close(&ctx.db()?, id, item, &ctx.caller, ctx.now).await?;
    http::json(&door, 200)
}

pub async fn join(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let mine = service::join(&ctx.db()?, id, ctx.member()?.id, ctx.now).await?;
    http::json(&mine, 200)
}

pub async fn cast(mut ctx: Ctx) -> Result<Response, ApiError> {
    let (id, item) = (ctx.id_param("id")?, ctx.id_param("item")?);
    let body: VoteInput = ctx.json().await?;
    let cast = service::cast(&ctx.db()?, id, item, ctx.member()?.id, &body, ctx.now).await?;
    http::json(&cast, 200)
}

pub async fn ballots(ctx: Ctx) -> Result<Response, ApiError> {
    let (id, item) = (ctx.id_param("id")?, ctx.id_param("item")?);
    http::json(&service::ballots(&ctx.db()?, id, item).await?, 200)
}

pub async fn close_assembly(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: CloseInput = ctx.json().await?;
    let minutes = service::close_assembly(&ctx.db()?, id, &body, &ctx.caller, ctx.now).await?;
    http::json(&minutes, 200)
}

pub async fn minutes(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    http::json(&service::minutes(&ctx.db()?, id).await?, 200)
}

pub async fn board(ctx: Ctx) -> Result<Response, ApiError> {
    http::json(&service::board(&ctx.db()?).await?, 200)
}

pub async fn set_board_role(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: RoleInput = ctx.json().await?;
    let seats = service::set_role(&ctx.db()?, id, &body, &ctx.caller, ctx.now).await?;
    http::json(&seats, 200)
}
