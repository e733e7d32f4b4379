//! `/espace`: the member's own area: membership, profile, clubs, their data, logging out.

use domain::accounts::MembershipStatus;
use domain::consultations::{ConsultationStatus, MyConsultation};
use domain::endpoints as ep;
use domain::events::{MyEvent, RegistrationStatus};
use domain::i18n::format_date_long;
use domain::wire::{Club, Me, ProfileUpdate};
use domain::Lang;
use leptos::prelude::*;

use crate::components::offline::OfflineNotice;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, Request};
use crate::components::calendar_quick::QuickBook;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{field_errors, split_tags, ErrorSummary, Field, NO_LABELS};
use crate::components::session::{guarded, use_session, Audience};
use crate::format;
use crate::i18n::{tr, use_i18n, use_title};
use crate::pages::member::fee::FeeNotice;
use crate::site::with_site;
use crate::text::{AccountText, MemberText, SharedText};

const LABELS: &[(&str, SharedText)] = &[
    ("name", SharedText::FieldName),
    ("phone", SharedText::FieldPhone),
    ("company", SharedText::FieldCompany),
    ("skills", SharedText::FieldSkills),
    ("bio", SharedText::FieldBio),
];

#[component]
pub fn MemberArea() -> impl IntoView {
    use_title(SharedText::NavMyArea);
    // Arriving from a password form: say it worked (`?fait=bienvenue` or `?fait=mot-de-passe`).
    let done = use_query_map().with_untracked(|q| q.get("fait"));
    let done = match done.as_deref() {
        Some("bienvenue") => Some(MemberText::WelcomeSaved),
        Some("mot-de-passe") => Some(MemberText::PasswordSaved),
        _ => None,
    };
    view! {
        <h1>{tr(SharedText::NavMyArea)}</h1>
        {done.map(|m| view! { <p class="notice" role="status">{tr(m)}</p> })}
        // Offline, the copy's date is said first, before anything it concerns.
        <OfflineNotice />
        {guarded(Audience::Members, |me| view! {
            // An offer lapses after three working days: said first, with the way to answer.
            <OffersWaiting />
            <AssembliesCalled />
            <Membership />
            <QuickBook />
            <Profile me />
            <MyClubs />
            <MyMeetings />
            <section class="card" aria-labelledby="vol-link">
                <h2 id="vol-link">{tr(MemberText::VolArea)}</h2>
                <p>{tr(MemberText::VolLead)}</p>
                <p><a href="/espace/consultations" class="button button--secondary">{tr(MemberText::VolTitle)}</a></p>
            </section>
            <MyData />
        })}
    }
}

/// The general assemblies the member is called to, each with a link to their page (answer,
/// proxies asked of them): said first, as the convocation's email may be missed.
#[component]
fn AssembliesCalled() -> impl IntoView {
    let i18n = use_i18n();
    let called = LocalResource::new(move || async move { api::call(ep::MY_ASSEMBLIES).await });
    move || {
        let list = called.get().and_then(Result::ok).unwrap_or_default();
        (!list.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="ag-called">
                    <h2 id="ag-called">{tr(MemberText::AgCalledTitle)}</h2>
                    <ul class="plain-list">
                        {list.into_iter().map(|a| {
                            let date = format_date_long(a.starts_at.0.date(), i18n.lang());
                            let waiting = a.proxies_to_answer.to_string();
                            let line = match (a.intent.is_some(), a.proxies_to_answer) {
                                (_, n) if n > 0 => i18n.f(MemberText::AgCalledProxies, &[("date", &date), ("n", &waiting)]),
                                (true, _) => i18n.f(MemberText::AgCalledAnswered, &[("date", &date)]),
                                (false, _) => i18n.f(MemberText::AgCalled, &[("date", &date)]),
                            };
                            view! { <li><a href=format!("/espace/assemblee/{}", a.id)>{line}</a></li> }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// The requests offered to the member and not answered yet, with the day to answer by: an offer
/// lapses after three working days, and the member may not read their email in time.
#[component]
fn OffersWaiting() -> impl IntoView {
    let i18n = use_i18n();
    let mine = LocalResource::new(move || async move { api::call(ep::MY_CONSULTATIONS).await });
    move || {
        let waiting: Vec<MyConsultation> = mine
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| !c.accepted && c.status == ConsultationStatus::Assigned)
            .collect();
        (!waiting.is_empty()).then(|| {
            view! {
                <div class="notice"><ul>
                    {waiting.into_iter().map(|c| {
                        let by = c.answer_by.map(|d| format_date_long(d, i18n.lang())).unwrap_or_default();
                        view! { <li><strong>{i18n.f(MemberText::VolWaiting, &[("business", &c.business), ("town", &c.town), ("date", &by)])}</strong></li> }
                    }).collect_view()}
                </ul>
                <p><a href="/espace/consultations">{tr(MemberText::VolAnswer)}</a></p>
                </div>
            }
        })
    }
}

#[component]
fn Membership() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let status = move || {
        session
            .me()
            .map(|m| m.membership)
            .unwrap_or(MembershipStatus::None)
    };
    view! {
        <section class="card" aria-labelledby="membership-title">
            <h2 id="membership-title">{tr(MemberText::MembershipTitle)}</h2>
            <p class="membership" class:membership--active=move || status().is_active()>
                {move || format::membership(status(), i18n.lang())}
            </p>
            <FeeNotice />
            {move || status().is_active().then(|| view! { <p class="note">{tr(MemberText::RenewLater)}</p> })}
        </section>
    }
}

#[component]
fn Profile(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = RwSignal::new(me.name.clone());
    let phone = RwSignal::new(me.phone.clone());
    let company = RwSignal::new(me.company.clone());
    let skills = RwSignal::new(me.skills.join(", "));
    let bio = RwSignal::new(me.bio.clone());
    let in_directory = RwSignal::new(me.in_directory);
    let lang = RwSignal::new(me.lang.code().to_string());

    let save: Request<ProfileUpdate> = Action::new_local(move |req: &ProfileUpdate| {
        let req = req.clone();
        async move {
            let me = api::send(ep::UPDATE_PROFILE, &req).await?;
            if me.lang != i18n.lang_untracked() {
                i18n.set(me.lang);
            }
            session.set(me);
            Ok(())
        }
    });
    crate::components::focus::focus_on_success(save, "#profile-saved");
    let failure = api::failure_of(save);
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            save,
            ProfileUpdate {
                name: name.get_untracked(),
                phone: phone.get_untracked(),
                company: company.get_untracked(),
                skills: split_tags(&skills.get_untracked()),
                bio: bio.get_untracked(),
                in_directory: in_directory.get_untracked(),
                lang: Lang::parse(&lang.get_untracked()).unwrap_or_default(),
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="profile-title">
            <h2 id="profile-title">{tr(MemberText::ProfileTitle)}</h2>
            <p class="note">{move || i18n.f(MemberText::LoggedInAs, &[("email", &me.email)])}</p>
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=LABELS />
                <Field name="name" label=SharedText::FieldName value=name errors autocomplete="name" required=true />
                <Field name="phone" label=SharedText::FieldPhone value=phone errors kind="tel" autocomplete="tel" />
                <Field name="company" label=SharedText::FieldCompany value=company errors autocomplete="organization" />
                <Field name="skills" label=SharedText::FieldSkills value=skills errors hint=SharedText::SkillsHint />
                <Field name="bio" label=SharedText::FieldBio value=bio errors multiline=true />
                <div class="field check">
                    <input type="checkbox" id="f-in_directory" bind:checked=in_directory />
                    <label for="f-in_directory">{tr(AccountText::FieldInDirectory)}</label>
                </div>
                <div class="field">
                    <label for="f-lang">{tr(MemberText::FieldLanguage)}</label>
                    <select id="f-lang" bind:value=lang>
                        <option value="fr">"Français"</option>
                        <option value="en">"English"</option>
                    </select>
                </div>
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(MemberText::SaveProfile)}</button>
                <p class="notice-line" role="status" id="profile-saved" tabindex="-1">{move || api::answer_of(save).is_some().then(|| i18n.t(MemberText::ProfileSaved))}</p>
            </form>
        </section>
    }
}

/// The next meetings of the member's clubs and the events they signed up for, each with a one-tap
/// "I'm coming" (it takes a seat like any sign-up, or a place on the waiting list).
#[component]
fn MyMeetings() -> impl IntoView {
    let i18n = use_i18n();
    let change: Request<(i64, bool)> =
        Action::new_local(move |&(id, coming): &(i64, bool)| async move {
            if coming {
                api::call(ep::COME_TO_EVENT.at(&[&id])).await.map(drop)
            } else {
                api::call(ep::STAY_AWAY_FROM_EVENT.at(&[&id])).await
            }
        });
    let list = LocalResource::new(move || {
        change.version().get();
        async move { api::call(ep::MY_EVENTS).await }
    });
    let last = StoredValue::new(None::<(i64, bool)>);
    let failure = api::failure_of(change);
    // The list is drawn again after a tap: the focus goes back to that meeting's button.
    Effect::new(move |_| {
        list.track();
        if let Some((id, _)) = last.get_value() {
            if change.version().get_untracked() > 0 {
                request_animation_frame(move || {
                    crate::components::focus::focus_css(&format!("#come-{id}"));
                });
            }
        }
    });
    let row = move |m: MyEvent| {
        let id = m.event.id;
        let coming = m.coming;
        let title = m.event.title.clone();
        let label_title = m.event.title.clone();
        let ev = m.event.clone();
        let (state, position) = (m.status, m.position.unwrap_or(0).to_string());
        let status = move || match state {
            Some(RegistrationStatus::Waiting) => {
                Some(i18n.f(MemberText::YouAreWaiting, &[("position", &position)]))
            }
            _ if coming => Some(i18n.t(MemberText::YouAreComing).to_string()),
            _ => None,
        };
        let label = move || {
            let t = i18n.pick(&label_title);
            i18n.f(
                if coming {
                    MemberText::NotComing
                } else {
                    MemberText::ImComing
                },
                &[("title", &t)],
            )
        };
        view! {
            <li class="club-row">
                <span class="club-row__name">
                    <strong>{move || i18n.pick(&title)}</strong><br />
                    {move || crate::pages::events::when(&ev, i18n.lang())}
                    {move || status().map(|s| view! { <span class="tag">{s}</span> })}
                </span>
                <button type="button" class="button button--secondary" aria-pressed=coming.to_string() id=format!("come-{id}")
                    aria-disabled=move || change.pending().get().to_string()
                    on:click=move |_| { last.set_value(Some((id, !coming))); api::start(change, (id, !coming)) }>{label}</button>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="meetings-title">
            <h2 id="meetings-title">{tr(MemberText::MyMeetingsTitle)}</h2>
            <ErrorSummary failure labels=NO_LABELS />
            {crate::components::status::with_loaded(list, move |events: Vec<MyEvent>| {
                if events.is_empty() {
                    return view! { <p>{tr(MemberText::NoMeetings)}</p> }.into_any();
                }
                view! { <ul class="club-rows">{events.into_iter().map(row).collect_view()}</ul> }.into_any()
            })}
        </section>
    }
}

#[component]
fn MyClubs() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // (club, join): the answer is the member with their clubs.
    let change: Request<(String, bool)> =
        Action::new_local(move |(slug, join): &(String, bool)| {
            let (slug, join) = (slug.clone(), *join);
            async move {
                let club = if join { ep::JOIN_CLUB } else { ep::LEAVE_CLUB };
                session.set(api::call(club.at(&[&slug])).await?);
                Ok(())
            }
        });
    let failure = api::failure_of(change);
    let club_row = move |club: Club| {
        let slug = club.slug.clone();
        let is_member = {
            let slug = slug.clone();
            Memo::new(move |_| session.me().is_some_and(|m| m.clubs.contains(&slug)))
        };
        let is_member = move || is_member.get();
        let name = club.name.clone();
        let label = move || {
            let name = i18n.pick(&name);
            if is_member() {
                i18n.f(MemberText::LeaveClub, &[("club", &name)])
            } else {
                i18n.f(MemberText::JoinClub, &[("club", &name)])
            }
        };
        let club_name = club.name.clone();
        view! {
            <li class="club-row">
                <span class="club-row__name">
                    {move || i18n.pick(&club_name)}
                    {move || is_member().then(|| view! { <span class="tag">{move || i18n.t(MemberText::YouAreIn)}</span> })}
                </span>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-pressed=move || is_member().to_string()
                    aria-disabled=move || change.pending().get().to_string()
                    on:click=move |_| api::start(change, (slug.clone(), !is_member()))
                >
                    {label}
                </button>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="clubs-title">
            <h2 id="clubs-title">{tr(MemberText::MyClubsTitle)}</h2>
            <ErrorSummary failure labels=NO_LABELS />
            {with_site(move |site| view! { <ul class="club-rows">{site.clubs.into_iter().map(club_row).collect_view()}</ul> })}
        </section>
    }
}

#[component]
fn MyData() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    // Logging out and erasing the account end the same way: no session, back to the login page.
    // `true` erases the account, `false` logs out.
    let leave: Request<bool> = Action::new_local(move |erase: &bool| {
        let (erase, navigate) = (*erase, navigate.clone());
        async move {
            if erase {
                api::call(ep::DELETE_ME).await?;
            } else {
                api::call(ep::LOGOUT).await?;
            }
            session.clear();
            navigate("/connexion", Default::default());
            Ok(())
        }
    });
    let failure = api::failure_of(leave);
    view! {
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">{tr(MemberText::MyDataTitle)}</h2>
            <ErrorSummary failure labels=NO_LABELS />
            <p>{tr(MemberText::ExportLead)}</p>
            <p><a class="button button--secondary" href=ep::EXPORT_ME.path download="silicon-kerne-mes-donnees.json">{tr(MemberText::ExportData)}</a></p>
            <p>
                <button type="button" class="button" on:click=move |_| api::start(leave, false)>{tr(SharedText::LogOut)}</button>
            </p>
            <h3>{tr(MemberText::DeleteAccountTitle)}</h3>
            <p>{tr(MemberText::DeleteAccountLead)}</p>
            <ConfirmButton
                label=MemberText::DeleteAccount
                question=MemberText::DeleteAccountConfirm
                yes=MemberText::DeleteAccountYes
                id="confirm-delete"
                pending=leave.pending()
                on_yes=move |_| api::start(leave, true)
            />
        </section>
    }
}
