//! `/gestion/membres/:id`: one member: details, payments, record a fee, deactivate, change the role.

use domain::accounts::Role;
use domain::endpoints as ep;
use domain::i18n::{format_date_long, format_euros};
use domain::wire::{Booking, BookingStatus, MemberDetail, Payment, PaymentRequest, RoleRequest};
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::api::{self, ApiFailure, Request};
use crate::components::calendar::{day_label, hours};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{field_errors, refused_here, ErrorSummary, Field, NO_LABELS};
use crate::components::search::club_name;
use crate::components::session::use_session;
use crate::components::staff::{role_label, StaffFrame};
use crate::components::status::with_loaded;
use crate::format;
use crate::i18n::{tr, use_i18n};
use crate::text::{AccountText, SharedText, StaffText};

const PAYMENT_LABELS: &[(&str, StaffText)] = &[
    ("amount_cents", StaffText::FieldAmount),
    ("paid_on", StaffText::FieldPaidOn),
    ("method", StaffText::FieldMethod),
];

#[component]
pub fn StaffMember() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffMemberTitle content=|_| view! { <MemberRecord /> } /> }
}

/// `/gestion/membres/:id`
#[derive(Params, Debug, Clone, PartialEq)]
struct MemberPath {
    id: Option<i64>,
}

/// Recording a fee for a member; the answer is the payment recorded.
type PayForm = Request<(i64, PaymentRequest), Payment>;

#[component]
fn MemberRecord() -> impl IntoView {
    let params = use_params::<MemberPath>();
    let id = Memo::new(move |_| {
        params
            .with(|p| p.as_ref().ok().and_then(|p| p.id))
            .unwrap_or(0)
    });
    // The requests live here, above the record they reload, so their outcome outlives the reload.
    let pay: PayForm = Action::new_local(move |(member, req): &(i64, PaymentRequest)| {
        let (member, req) = (*member, req.clone());
        async move { api::send(ep::RECORD_PAYMENT.at(&[&member]), &req).await }
    });
    crate::components::focus::focus_on_success(pay, "#payment-done");
    let deactivate: Request<i64> =
        Action::new_local(move |member: &i64| api::call(ep::DEACTIVATE_MEMBER.at(&[member])));
    let set_role: Request<(i64, Role)> = Action::new_local(move |(member, role): &(i64, Role)| {
        api::send(ep::SET_ROLE.at(&[member]), &RoleRequest { role: *role })
    });
    let detail = LocalResource::new(move || {
        pay.version().get();
        deactivate.version().get();
        set_role.version().get();
        let id = id.get();
        async move { api::call(ep::MEMBER_DETAIL.at(&[&id])).await }
    });
    view! {
        {with_loaded(detail, move |d: MemberDetail| {
            let active = d.member.active;
            let role = d.member.role;
            let member = d.member.id;
            view! {
                <Summary detail=d.clone() />
                <MemberBookings member />
                <Payments payments=d.payments.clone() />
                {active.then(|| view! { <RecordPayment member pay /> })}
                <RoleForm member current=role set_role />
                {active.then(|| view! { <Deactivate member deactivate /> })}
            }
        })}
    }
}

/// The member's bookings as they see them (upcoming and of the last 30 days): where staff land
/// after booking on their behalf.
#[component]
fn MemberBookings(member: i64) -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(move || api::call(ep::MEMBER_BOOKINGS.at(&[&member])));
    view! {
        <section class="card" aria-labelledby="member-bookings">
            <h2 id="member-bookings">{tr(StaffText::StaffBookings)}</h2>
            {with_loaded(list, move |bookings: Vec<Booking>| {
                if bookings.is_empty() {
                    return view! { <p>{tr(StaffText::NoMemberBookings)}</p> }.into_any();
                }
                view! {
                    <ul class="rows">
                        {bookings.into_iter().map(|b| {
                            let name = b.resource_name.clone();
                            let date = b.start.0.date();
                            let span = hours(&b.start, &b.end);
                            let cancelled = b.status == BookingStatus::Cancelled;
                            view! {
                                <li class="row">
                                    <span class="row__title">{move || i18n.pick(&name)}" · "{move || day_label(date, i18n.lang())}", "{span.clone()}</span>
                                    {cancelled.then(|| view! { <span class="row__meta">{tr(StaffText::BookingCancelled)}</span> })}
                                    {b.checked_in.then(|| view! { <span class="row__meta">{tr(AccountText::CheckedIn)}</span> })}
                                    {b.blocked.then(|| view! { <span class="row__meta">{tr(StaffText::KindBlock)}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn Summary(detail: MemberDetail) -> impl IntoView {
    let i18n = use_i18n();
    let m = detail.member;
    let status = m.membership;
    let active = m.active;
    let role = m.role;
    let clubs = m
        .clubs
        .iter()
        .map(|c| club_name(c))
        .collect::<Vec<_>>()
        .join(", ");
    let mailto = format!("mailto:{}", m.email);
    let created = detail.created_at.clone();
    view! {
        <section class="card" aria-labelledby="member-name">
            <h2 id="member-name">{m.name.clone()}</h2>
            <p class="membership" class:membership--active=status.is_active() && active>
                {move || if active { format::membership(status, i18n.lang()) } else { i18n.t(AccountText::StatusDeactivated).to_string() }}
            </p>
            <dl class="facts-list">
                <dt>{tr(SharedText::FieldEmail)}</dt><dd><a href=mailto>{m.email.clone()}</a></dd>
                <dt>{tr(SharedText::FieldPhone)}</dt><dd>{m.phone.clone()}</dd>
                <dt>{tr(SharedText::FieldCompany)}</dt><dd>{m.company.clone()}</dd>
                <dt>{tr(SharedText::FieldSkills)}</dt><dd>{m.skills.join(", ")}</dd>
                <dt>{tr(SharedText::NavClubs)}</dt><dd>{clubs}</dd>
                <dt>{tr(StaffText::FieldRole)}</dt><dd>{move || i18n.t(role_label(role))}</dd>
                <dt>{tr(AccountText::FieldInDirectory)}</dt><dd>{move || i18n.t(if detail.in_directory { StaffText::Yes } else { StaffText::No })}</dd>
                <dt>{tr(StaffText::MemberSince)}</dt><dd>{move || format::instant(&created, i18n.lang())}</dd>
            </dl>
            {(!detail.bio.is_empty()).then(|| view! { <p>{detail.bio.clone()}</p> })}
        </section>
    }
}

#[component]
fn Payments(payments: Vec<Payment>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="payments-title">
            <h2 id="payments-title">{tr(StaffText::PaymentsTitle)}</h2>
            {if payments.is_empty() {
                view! { <p>{tr(StaffText::NoPayments)}</p> }.into_any()
            } else {
                view! {
                    <ul class="rows">
                        {payments
                            .into_iter()
                            .map(|p| {
                                let method = method_label(p.method.as_str());
                                view! {
                                    <li class="row">
                                        <span class="row__title">
                                            {move || format!("{} · {}", format_euros(p.amount_cents, i18n.lang()), i18n.t(method))}
                                        </span>
                                        <span class="row__meta">
                                            {move || i18n.f(StaffText::PaidOn, &[("date", &format_date_long(p.paid_on, i18n.lang())), ("by", &p.recorded_by)])}
                                        </span>
                                        <span class="row__meta">
                                            {move || i18n.f(StaffText::Covers, &[
                                                ("start", &format_date_long(p.period_start, i18n.lang())),
                                                ("end", &format_date_long(p.period_end, i18n.lang())),
                                            ])}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

const METHODS: &[(&str, StaffText)] = &[
    ("cash", StaffText::MethodCash),
    ("cheque", StaffText::MethodCheque),
    ("transfer", StaffText::MethodTransfer),
    ("card", StaffText::MethodCard),
];

fn method_label(method: &str) -> StaffText {
    METHODS
        .iter()
        .find(|(m, _)| *m == method)
        .map(|(_, l)| *l)
        .unwrap_or(StaffText::MethodCash)
}

#[component]
fn RecordPayment(member: i64, pay: PayForm) -> impl IntoView {
    let i18n = use_i18n();
    let amount = RwSignal::new(String::new());
    let paid_on = RwSignal::new(format::today_iso());
    let method = RwSignal::new("cash".to_string());
    // An amount the app cannot read is refused here, with the API's own wording.
    let local = RwSignal::new(None::<ApiFailure>);
    let server = api::failure_of(pay);
    let failure = Signal::derive(move || local.get().or_else(|| server.get()));
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match format::euros_to_cents(&amount.get_untracked()) {
            Some(cents) => {
                local.set(None);
                let req = PaymentRequest {
                    amount_cents: cents,
                    paid_on: paid_on.get_untracked(),
                    method: method.get_untracked(),
                };
                api::start(pay, (member, req));
            }
            None => {
                let lang = i18n.lang_untracked();
                local.set(Some(refused_here(
                    lang,
                    vec![(
                        "amount_cents".to_string(),
                        StaffText::AmountUnreadable.text(lang).to_string(),
                    )],
                )));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="pay-title">
            <h2 id="pay-title">{tr(StaffText::RecordPaymentTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=PAYMENT_LABELS />
                <Field name="amount_cents" label=StaffText::FieldAmount value=amount errors inputmode="decimal" hint=StaffText::AmountHint required=true />
                <Field name="paid_on" label=StaffText::FieldPaidOn value=paid_on errors kind="date" required=true />
                <div class="field">
                    <label for="f-method">{tr(StaffText::FieldMethod)}</label>
                    <select id="f-method" bind:value=method>
                        {METHODS.iter().map(|(v, l)| view! { <option value=*v>{tr(*l)}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button" aria-disabled=move || pay.pending().get().to_string()>{tr(StaffText::RecordPayment)}</button>
                <p class="notice-line" role="status" id="payment-done" tabindex="-1">
                    {move || api::answer_of(pay).map(|p| i18n.f(StaffText::PaymentRecorded, &[("end", &format_date_long(p.period_end, i18n.lang()))]))}
                </p>
            </form>
        </section>
    }
}

#[component]
fn RoleForm(member: i64, current: Role, set_role: Request<(i64, Role)>) -> impl IntoView {
    let session = use_session();
    let is_admin = move || session.role() == Some(Role::Admin);
    let role = RwSignal::new(current.as_str().to_string());
    let failure = api::failure_of(set_role);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(r) = Role::parse(&role.get_untracked()) {
            api::start(set_role, (member, r));
        }
    };
    move || {
        is_admin().then(|| {
            view! {
                <section class="card" aria-labelledby="role-title">
                    <h2 id="role-title">{tr(StaffText::FieldRole)}</h2>
                    <form class="form" on:submit=on_submit>
                        <ErrorSummary failure labels=NO_LABELS />
                        <div class="field">
                            <label for="f-role">{tr(StaffText::FieldRole)}</label>
                            <select id="f-role" bind:value=role>
                                {[Role::Member, Role::Staff, Role::Admin]
                                    .into_iter()
                                    .map(|r| view! { <option value=r.as_str()>{tr(role_label(r))}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button button--secondary" aria-disabled=move || set_role.pending().get().to_string()>{tr(StaffText::ChangeRole)}</button>
                    </form>
                </section>
            }
        })
    }
}

#[component]
fn Deactivate(member: i64, deactivate: Request<i64>) -> impl IntoView {
    let failure = api::failure_of(deactivate);
    view! {
        <section class="card" aria-labelledby="deactivate-title">
            <h2 id="deactivate-title">{tr(StaffText::DeactivateTitle)}</h2>
            <p>{tr(StaffText::DeactivateLead)}</p>
            <ErrorSummary failure labels=NO_LABELS />
            <ConfirmButton
                label=StaffText::Deactivate
                question=StaffText::DeactivateConfirm
                yes=StaffText::DeactivateYes
                id="confirm-deactivate"
                pending=deactivate.pending()
                on_yes=move |_| api::start(deactivate, member)
            />
        </section>
    }
}
