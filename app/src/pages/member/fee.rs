//! What a member without a current fee is told before they pick a slot: what the fee costs, how
//! to pay it (with the association's IBAN for a transfer), and that booking opens once it is recorded (not a refusal at the last step).

use domain::accounts::MembershipStatus;
use domain::i18n::format_euros;
use leptos::prelude::*;

use crate::components::session::use_session;
use crate::i18n::use_i18n;
use crate::site::use_site;
use crate::text::MemberText;

/// Nothing for an active member; otherwise the way to the first fee or to the renewal.
#[component]
pub fn FeeNotice() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let site = use_site().0;
    move || {
        let status = session.me().map(|m| m.membership)?;
        let message = match status {
            MembershipStatus::Active { .. } => return None,
            MembershipStatus::None => MemberText::FirstFeeNeeded,
            MembershipStatus::Expired { .. } => MemberText::RenewBeforeBooking,
        };
        let site = site.get().and_then(Result::ok);
        let fee = site
            .as_ref()
            .map(|s| format_euros(s.membership_fee_cents, i18n.lang()))
            .unwrap_or_default();
        // Where to send a transfer, once the association has set its IBAN.
        let transfer = site.and_then(|s| s.transfer_iban).map(|iban| {
            view! { <p id="fee-transfer">{i18n.f(MemberText::TransferTo, &[("iban", &iban)])}</p> }
        });
        Some(view! {
            <div class="card notice notice--warning" role="note">
                <p>{i18n.f(message, &[("price", &fee)])}</p>
                {transfer}
            </div>
        })
    }
}
