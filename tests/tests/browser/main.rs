//! Browser journeys: a phone-sized headless Chromium on the real portal, with axe-core on every page.

use std::sync::OnceLock;

use kerne_tests::browser::ChromeDriver;
use kerne_tests::{tests, TestApp};

mod accounts;
mod assemblies;
mod bookings;
mod budget;
mod consultations;
mod dashboard;
mod events;
mod newcomer;
mod offline;
mod public_site;
mod support;
mod trips;
mod walk2;
mod walk3;

pub struct Ctx {
    pub app: TestApp,
    pub driver: ChromeDriver,
}

impl Ctx {
    pub fn url(&self, path: &str) -> String {
        self.app.url(path)
    }
}

fn main() -> std::process::ExitCode {
    let mut args = libtest_mimic::Arguments::from_args();
    // Two Chromiums on two cores are slower than one at a time and make timings flaky.
    args.test_threads.get_or_insert(1);
    static CTX: OnceLock<Ctx> = OnceLock::new();
    let started = TestApp::spawn().and_then(|app| Ok((app, ChromeDriver::start()?)));
    let (app, driver) = match started {
        Ok(both) => both,
        Err(e) => {
            eprintln!("could not start the portal and chromedriver for the browser tests: {e:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let ctx = CTX.get_or_init(|| Ctx { app, driver });
    let conclusion = kerne_tests::harness::run(
        &args,
        ctx,
        tests![
            budget::guest_pages_download_only_the_guest_bundle,
            budget::member_pages_download_only_the_members_bundle,
            budget::staff_pages_download_only_the_staff_bundle,
            budget::public_pages_show_at_once_and_do_not_move,
            public_site::home_shows_the_cantine_and_its_partners,
            public_site::menu_leads_to_clubs_and_e_education,
            public_site::deep_links_open_directly,
            public_site::links_between_bundles_keep_their_query,
            public_site::english_is_one_tap_away_and_remembered,
            public_site::every_public_page_is_accessible_and_fits_a_phone,
            accounts::visitor_applies_to_join,
            accounts::staff_admits_a_member_who_joins_a_club_and_finds_a_graphic_designer,
            accounts::member_resets_a_forgotten_password,
            accounts::account_pages_are_accessible_and_fit_a_phone,
            bookings::member_books_a_desk_from_their_area_and_cancels_it,
            bookings::member_books_the_room_for_an_hour,
            bookings::business_requests_the_room_and_staff_approve_it,
            bookings::staff_check_in_a_coworker,
            assemblies::staff_convene_a_member_gives_a_proxy_and_another_accepts_it,
            assemblies::on_the_day_the_door_reaches_the_quorum_and_a_member_votes_by_keyboard,
            consultations::an_artisan_is_matched_with_a_volunteer_and_meets_at_the_cantine,
            consultations::the_library_is_filtered_by_topic_and_a_resource_reads_well,
            newcomer::the_keyboard_reaches_the_page_and_the_menu_lets_go,
            newcomer::a_member_logs_out_from_the_menu_and_sees_the_fee_before_booking,
            newcomer::a_visitor_at_the_staff_pages_gets_the_login_not_the_menu,
            newcomer::a_dead_link_says_so_without_a_retry_or_a_form,
            newcomer::a_refused_form_takes_the_focus_and_reads_as_sentences,
            newcomer::the_rental_form_shows_what_is_free_and_the_quote_is_complete,
            newcomer::the_concierge_edits_settings_and_reads_blocks_and_the_journal,
            newcomer::the_week_starts_on_monday,
            newcomer::a_member_admitted_with_the_first_fee_books_at_once,
            dashboard::the_concierge_reads_today_the_figures_and_prints_the_report,
            events::a_parent_signs_up_two_children_and_gives_a_seat_back,
            events::the_concierge_sees_the_events_and_their_seats,
            events::a_waiting_family_sees_its_place_then_its_seats,
            events::a_club_meeting_is_for_members_only_and_a_member_comes_from_its_page,
            events::an_english_reader_is_told_what_is_in_french,
            events::a_family_promoted_with_fewer_seats_sees_who_comes,
            events::a_member_comes_to_a_club_meeting_and_cancels_by_keyboard,
            events::the_concierge_publishes_checks_two_families_in_and_prints_the_sheet,
            events::the_door_opens_on_quimpers_date_whatever_the_devices_zone,
            events::a_past_events_link_says_it_is_over,
            events::the_concierge_changes_a_clubs_rule_and_opens_its_next_meeting,
            trips::the_staff_menu_is_one_line_on_a_phone_and_any_page_two_keys_away,
            trips::the_focus_ring_reads_on_the_header_the_menu_and_the_page,
            trips::a_member_books_by_keyboard_with_the_question_in_view,
            trips::the_concierge_finds_who_must_renew_by_keyboard,
            trips::the_day_sheet_names_each_person_and_keeps_its_day,
            trips::a_visitor_reads_what_membership_costs_before_applying,
            walk2::a_refused_booking_is_said_where_the_member_looks,
            walk2::the_booking_limits_are_said_before_any_refusal,
            walk2::the_rooms_price_reads_one_way,
            walk2::a_declined_rental_shows_no_quote_to_print,
            walk2::the_room_keeps_the_chosen_length_and_marks_your_booking,
            walk2::where_a_transfer_is_asked_the_iban_is_given,
            walk2::the_concierges_settings_say_what_is_wrong_and_keep_the_focus,
            walk3::the_library_editor_sees_the_preview_and_saves_twice,
            walk3::answers_are_the_persons_own,
            walk3::an_english_browser_reads_english_first,
            walk3::businesses_find_the_form_and_a_volunteer_sees_the_offer_waiting,
            walk3::a_refused_appointment_is_said_in_its_form_with_the_fields_kept,
            walk3::a_cleared_search_is_no_longer_searched,
            offline::a_member_reads_their_bookings_offline_and_cannot_cancel_there,
            // Last: it serves a new deploy's folder (the same files) to the tests after it.
            offline::a_new_deploy_is_picked_up_on_the_next_visit,
            offline::a_private_links_page_is_never_kept_on_the_phone,
        ],
    );
    if conclusion.has_failed() {
        eprintln!("--- wrangler dev log ---\n{}", ctx.app.log());
    }
    ctx.driver.stop();
    ctx.app.shutdown();
    conclusion.exit_code()
}
