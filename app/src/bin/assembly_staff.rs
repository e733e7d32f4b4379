//! The staff's pages of the general assembly (`/gestion/assemblees`): preparing, convening, the
//! voters' answers. A bundle of its own: in the staff's bundle they took it from 408,878 B to
//! 432,622 B brotli, over its 420,000 B budget (the budget test, 2026-12-08).

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::staff::assemblies;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::AssemblyStaff)>
                <Route path=path!("/gestion/assemblees") view=assemblies::StaffAssemblies />
                <Route path=path!("/gestion/assemblees/:id") view=assemblies::StaffAssembly />
                <Route path=path!("/gestion/assemblees/:id/jour") view=assemblies::StaffAssemblyDay />
                <Route path=path!("/gestion/assemblees/:id/pv") view=assemblies::StaffAssemblyMinutes />
            </Routes>
        }
    });
}
