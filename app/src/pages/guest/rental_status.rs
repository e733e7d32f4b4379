//! `/location/:token`: the requester's private page: where the request stands, the printable quote,
//! and cancelling.

use domain::endpoints as ep;
use domain::i18n::{format_date_long, format_euros};
use domain::wire::RentalView;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::api::{self, Request};
use crate::components::calendar::{failure_alert, hours, period_in_sentence};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::{GuestText, SharedText};

pub fn rental_status_label(status: &str) -> SharedText {
    match status {
        "approved" => SharedText::RentalApproved,
        "declined" => SharedText::RentalDeclined,
        "cancelled" => SharedText::RentalCancelled,
        _ => SharedText::RentalPending,
    }
}

/// `/location/:token`
#[derive(Params, Debug, Clone, PartialEq)]
struct RentalPath {
    token: Option<String>,
}

#[component]
pub fn RentalStatus() -> impl IntoView {
    use_title(GuestText::RentalStatusTitle);
    let i18n = use_i18n();
    let token = use_params::<RentalPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.token.clone()))
        .unwrap_or_default();
    let token = StoredValue::new(token);
    let cancel: Request<()> = Action::new_local(move |_: &()| {
        let token = token.get_value();
        async move { api::call(ep::CANCEL_RENTAL.at(&[&token])).await }
    });
    let rental = LocalResource::new(move || {
        cancel.version().get();
        let token = token.get_value();
        async move { api::call(ep::RENTAL.at(&[&token])).await }
    });
    let failure = api::failure_of(cancel);
    let confirming = RwSignal::new(false);
    view! {
        <h1>{tr(GuestText::RentalStatusTitle)}</h1>
        {failure_alert(failure)}
        {with_loaded(rental, move |r: RentalView| {
            let open = r.status == "pending" || r.status == "approved";
            let status = r.status.clone();
            let date = r.date;
            let span = hours(&r.start, &r.end);
            let reason = r.decline_reason.clone().filter(|s| !s.is_empty());
            view! {
                <section class="card no-print" aria-labelledby="rental-status">
                    <h2 id="rental-status" class=format!("rental-status rental-status--{status}")>{tr(rental_status_label(&r.status))}</h2>
                    <dl class="facts-list">
                        <dt>{tr(SharedText::FieldOrganisation)}</dt><dd>{r.organisation.clone()}</dd>
                        <dt>{tr(SharedText::FieldDate)}</dt>
                        <dd>{move || format_date_long(date, i18n.lang())}", "{period_in_sentence(Some(r.period))}" ("{span.clone()}")"</dd>
                        <dt>{tr(SharedText::FieldAttendees)}</dt><dd>{r.attendees}</dd>
                    </dl>
                    {reason.map(|reason| view! { <p>{tr(GuestText::DeclineReason)}" "{reason}</p> })}
                    <div class="actions">
                        // A declined or cancelled request has no quote to print.
                        {open.then(|| view! {
                            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{tr(GuestText::Print)}</button>
                        })}
                        {open.then(|| view! {
                            <button type="button" class="button button--danger" aria-expanded=move || confirming.get().to_string()
                                on:click=move |_| confirming.update(|c| *c = !*c)>{tr(GuestText::CancelRental)}</button>
                        })}
                    </div>
                    <Show when=move || confirming.get() && open>
                        <div class="confirm" role="alertdialog" aria-labelledby="cancel-rental-q">
                            <p id="cancel-rental-q"><strong>{tr(GuestText::CancelRentalQuestion)}</strong></p>
                            <div class="actions">
                                <button type="button" class="button button--danger" aria-disabled=move || cancel.pending().get().to_string()
                                    on:click=move |_| { confirming.set(false); api::start(cancel, ()); }>{tr(GuestText::CancelRentalYes)}</button>
                                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{tr(SharedText::KeepBooking)}</button>
                            </div>
                        </div>
                        </Show>
                </section>
                {open.then(|| quote_view(&r))}
            }
        })}
    }
}

/// The quote as a printable document (one A4 page): the issuer with its identifiers, the client,
/// the date and time slot rented, the lines and total, how long it holds, and the VAT mention.
pub fn quote_view(r: &RentalView) -> impl IntoView {
    let i18n = use_i18n();
    let q = r.quote.clone();
    let (issued, valid_until, total) = (q.issued_on, q.valid_until, q.total_cents);
    let number = q.number.clone();
    let issuer = q.issuer;
    let issuer_iban = issuer.iban.clone();
    let (date, period, span) = (r.date, r.period, hours(&r.start, &r.end));
    let mut ids = String::new();
    for (k, v) in [("RNA ", issuer.rna), ("SIRET ", issuer.siret)] {
        if !v.is_empty() {
            if !ids.is_empty() {
                ids.push_str(" · ");
            }
            ids.push_str(k);
            ids.push_str(&v);
        }
    }
    view! {
        <section class="quote" aria-labelledby="quote-title">
            <h2 id="quote-title">{move || i18n.f(GuestText::QuoteNumber, &[("number", &number)])}</h2>
            <div class="quote__parties">
                <div>
                    <h3>{tr(GuestText::QuoteFrom)}</h3>
                    <p>
                        <strong>{issuer.name}</strong><br />
                        {issuer.address}<br />
                        {issuer.email}" · "{issuer.phone}
                        {(!ids.is_empty()).then(|| view! { <br />{ids}})}
                    </p>
                </div>
                <div>
                    <h3>{tr(GuestText::QuoteFor)}</h3>
                    <p>
                        <strong>{r.organisation.clone()}</strong><br />
                        {r.contact_name.clone()}<br />
                        {r.email.clone()}{(!r.phone.is_empty()).then(|| format!(" · {}", r.phone))}
                    </p>
                </div>
            </div>
            <p>
                {move || i18n.f(GuestText::QuoteIssued, &[("date", &format_date_long(issued, i18n.lang()))])}<br />
                {move || i18n.f(GuestText::QuoteValidUntil, &[("date", &format_date_long(valid_until, i18n.lang()))])}
            </p>
            <p>
                <strong>{tr(GuestText::QuoteSlot)}</strong>" "
                {move || format_date_long(date, i18n.lang())}", "{period_in_sentence(Some(period))}" ("{span.clone()}")"
            </p>
            <div class="table-wrap">
                <table class="quote__lines">
                    <thead>
                        <tr>
                            <th scope="col">{tr(GuestText::QuoteLine)}</th>
                            <th scope="col" class="num">{tr(GuestText::QuoteQuantity)}</th>
                            <th scope="col" class="num">{tr(GuestText::QuoteTotal)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {q.lines.into_iter().map(|l| {
                            let (label, qty, unit, line_total) = (l.label, l.quantity, l.unit_cents, l.total_cents);
                            view! {
                                <tr>
                                    <td>{move || i18n.pick(&label)}<br /><span class="note">{move || i18n.f(GuestText::QuoteUnit, &[("price", &format_euros(unit, i18n.lang()))])}</span></td>
                                    <td class="num">{qty}</td>
                                    <td class="num">{move || format_euros(line_total, i18n.lang())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="2">{tr(GuestText::QuoteTotal)}</th>
                            <td class="num"><strong>{move || format_euros(total, i18n.lang())}</strong></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            {(!issuer_iban.is_empty()).then(|| view! {
                <p id="quote-transfer">{move || i18n.f(GuestText::QuoteTransfer, &[("iban", &issuer_iban)])}</p>
            })}
            <p class="note">{tr(SharedText::VatNote)}</p>
        </section>
    }
}
