//! The members' bundle: their area, the booking calendar, their bookings, the directory.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::member::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Member)>
                <Route path=path!("/espace") view=member_area::MemberArea />
                <Route path=path!("/espace/deconnexion") view=log_out::LogOut />
                <Route path=path!("/reserver") view=booking::Booking />
                <Route path=path!("/mes-reservations") view=booking_list::MyBookings />
                <Route path=path!("/annuaire") view=directory::Directory />
                <Route path=path!("/invitation") view=invitation::Invitation />
                <Route path=path!("/mot-de-passe/nouveau") view=password_new::PasswordNew />
            </Routes>
        }
    });
}
