//! API tests: black-box, over HTTP, against the real worker in workerd with a local D1.
//! One binary, one module per feature; the server is started once for all of them.

use std::sync::OnceLock;

use kerne_tests::harness::Test;
use kerne_tests::{tests, TestApp};

mod accounts;
mod assemblies;
mod auth;
mod authorization;
mod bookings;
mod consultations;
mod errors;
mod events;
mod health;
mod ics;
mod membership;
mod newcomer;
mod openapi;
mod rentals;
mod security;
mod settings;
mod site;
mod stats;
mod support;

/// What every API test gets: the running app and an HTTP client.
pub struct Api {
    pub app: TestApp,
    pub http: reqwest::Client,
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        self.app.url(path)
    }
}

fn main() -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    static API: OnceLock<Api> = OnceLock::new();
    let app = match TestApp::spawn() {
        Ok(app) => app,
        Err(e) => {
            eprintln!("could not start the portal for the API tests: {e:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let http = reqwest::Client::builder().build().expect("an HTTP client");
    let api = API.get_or_init(|| Api { app, http });
    // Alone: the scheduled run changes rows every other test reads (it promotes, reminds,
    // returns offers, erases), and the consultations' figures count across the whole portal.
    // First, while the outbox is empty: each run sends the oldest hundred, and a test's email
    // must not wait behind the hundreds the other tests queue.
    let mut all: Vec<Test<Api>> = tests![
        consultations::the_scheduled_run_returns_stale_offers_erases_old_requests_and_reminds_once,
        consultations::the_dashboard_statistics_and_report_count_the_consultations,
        membership::renewal_reminders_are_sent_once_and_never_after_renewal,
        events::reminders_go_once_to_the_confirmed_and_children_data_is_erased,
        events::the_scheduled_run_serves_a_list_left_with_free_seats,
    ]
    .into_iter()
    .map(Test::alone)
    .collect();
    all.extend(tests![
        health::reports_ok_with_database_and_paris_time,
        consultations::the_topics_and_the_library_are_public_and_filtered,
        consultations::staff_markdown_comes_out_inert_and_bad_input_is_named,
        consultations::a_resource_is_written_in_english_beside_the_french,
        consultations::a_bad_request_names_every_field_and_stores_nothing,
        consultations::a_request_gets_its_own_link_even_with_an_email_seen_before,
        consultations::two_staff_assigning_at_once_leave_one_owner,
        consultations::a_volunteer_accepts_meets_at_the_cantine_and_the_requester_follows,
        consultations::a_replaced_volunteer_gets_a_clear_409_and_loses_access,
        consultations::staff_schedule_close_and_decline_with_clear_refusals,
        consultations::the_requester_exports_then_cancels_and_erases,
        consultations::one_email_per_change_says_what_it_replaces_and_the_calendar_follows,
        consultations::resources_are_suggested_by_topic_whatever_trade_they_were_written_for,
        consultations::the_retention_delay_is_a_setting_with_its_bounds,
        consultations::a_desk_held_for_an_appointment_is_not_cancelled_from_the_volunteers_bookings,
        site::serves_the_public_content_from_the_seed,
        site::computes_today_and_upcoming_meetings,
        site::a_club_shows_its_next_meeting_as_held,
        site::is_cacheable_and_revalidates_with_etag,
        errors::unknown_api_route_is_a_json_404_in_french_by_default,
        errors::error_messages_follow_accept_language,
        errors::wrong_method_is_a_json_405,
        errors::deep_links_get_the_app_but_api_paths_never_do,
        security::api_responses_carry_security_headers,
        security::pages_carry_a_strict_content_security_policy,
        security::hashed_assets_are_immutable_and_index_is_revalidated,
        openapi::documents_every_served_route,
        openapi::describes_the_error_body_and_wire_types,
        accounts::bad_application_lists_every_field_and_stores_nothing,
        accounts::a_second_application_or_a_member_email_answers_as_any_other,
        accounts::approval_invites_once_and_the_link_works_once,
        accounts::decline_needs_a_reason_and_tells_the_applicant,
        accounts::password_reset_is_single_use_and_revokes_old_sessions,
        accounts::one_client_cannot_flood_the_applications,
        auth::login_sets_a_strict_cookie_and_a_new_session_each_time,
        auth::wrong_password_and_unknown_email_look_alike,
        auth::five_failures_lock_that_client_out_not_the_owner,
        auth::twenty_failures_from_one_client_are_throttled,
        auth::logout_and_deactivation_revoke_sessions,
        auth::the_session_says_who_is_there_without_an_error,
        auth::cross_site_and_non_json_writes_are_refused,
        membership::a_payment_sets_a_year_and_bad_input_stores_nothing,
        membership::simultaneous_payments_extend_once,
        membership::profile_edits_are_checked_and_clubs_joined_and_left,
        membership::the_directory_shows_only_those_who_opted_in,
        membership::a_member_exports_then_erases_their_data,
        authorization::every_route_checks_who_is_asking,
        events::bad_sign_ups_name_their_field_and_store_nothing,
        events::the_waiting_list_fills_itself_in_order,
        events::the_door_waits_for_the_day_and_the_csv_opens_in_french_spreadsheets,
        events::two_hundred_guests_racing_for_ten_seats_fill_them_exactly,
        events::members_come_to_their_club_meeting_in_one_tap,
        events::a_cancellation_serves_the_waiting_pair_before_racing_newcomers,
        events::a_second_sign_up_with_the_same_email_gets_no_link,
        events::members_only_events_take_a_members_session,
        events::staff_changes_are_audited_and_a_lost_room_is_refused_whole,
        events::bad_filters_are_refused_and_the_door_counts_confirmed_seats,
        events::english_falls_back_to_french_where_staff_wrote_none,
        events::a_past_events_link_says_it_is_over_and_changes_nothing,
        events::a_check_in_made_by_mistake_is_undone,
        events::the_door_opens_on_the_events_day_only,
        events::staff_cancel_a_sign_up_for_a_family_who_phones,
        events::a_childrens_workshop_seats_the_children_and_a_training_the_adults,
        events::a_partial_promotion_names_who_has_a_seat,
        events::the_consent_names_the_retention_delay_and_is_kept_with_it,
        authorization::the_last_admin_cannot_be_demoted,
        bookings::resources_and_availability_follow_the_opening_hours,
        bookings::a_member_books_a_desk_gets_an_ics_and_cancels,
        bookings::availability_is_cached_and_every_write_shows_at_once,
        bookings::a_no_show_waits_for_the_start_and_can_be_undone,
        bookings::every_rule_is_refused_with_its_reason,
        bookings::fifty_members_racing_for_twelve_desks_get_exactly_twelve,
        bookings::fifty_members_racing_for_the_room_get_one_booking,
        bookings::a_retried_request_books_once,
        bookings::others_bookings_are_not_found_and_room_cancellation_has_a_window,
        bookings::the_private_feed_lists_bookings_and_can_be_revoked,
        bookings::times_are_right_on_both_sides_of_a_clock_change,
        bookings::staff_run_the_day_block_book_on_behalf_and_see_occupancy,
        rentals::a_bad_request_lists_its_fields_and_stores_nothing,
        rentals::a_business_gets_a_quote_and_staff_approve_it_into_the_calendar,
        rentals::two_approvals_of_overlapping_rentals_at_once_book_once,
        settings::settings_are_checked_before_they_are_stored,
        settings::a_closure_day_closes_the_calendar,
        settings::the_iban_and_limits_are_checked_seen_at_once_and_journalled,
        newcomer::no_search_text_makes_the_api_fail_and_accents_do_not_matter,
        newcomer::the_export_holds_bookings_clubs_and_the_feed,
        newcomer::a_rental_is_refused_on_a_taken_slot_priced_for_members_and_quoted_in_full,
        newcomer::a_dead_link_is_known_before_the_form_is_shown,
        newcomer::the_first_fee_is_recorded_at_the_approval,
        newcomer::blocks_are_listed_with_contacts_marked_for_members_and_lifted,
        newcomer::a_check_in_made_by_mistake_is_undone,
        newcomer::a_started_period_is_not_called_full,
        stats::the_figures_are_those_of_the_rows_across_the_clock_changes,
        stats::a_bad_period_is_refused_and_the_csv_opens_in_french_spreadsheets,
        stats::the_report_compares_with_last_year_and_keeps_its_text,
        stats::today_counts_the_day_sheet_and_what_waits,
        stats::events_held_are_counted_by_kind_as_their_lists_say,
        stats::the_home_the_statistics_and_the_list_count_the_same_members,
        stats::who_must_renew_is_listed_soonest_first_as_counted,
        assemblies::staff_prepare_an_assembly_checked_and_the_room_held_in_the_same_write,
        assemblies::a_convocation_reaches_every_voter_and_a_late_fee_is_called_too,
        assemblies::a_proxy_cannot_be_passed_on_and_nobody_holds_more_than_the_statutes_allow,
        assemblies::members_stand_for_the_board_until_the_day_staff_set,
        assemblies::on_the_day_the_quorum_opens_the_votes_and_each_voice_counts_once,
    ]);
    let conclusion = kerne_tests::harness::run(&args, api, all);
    if conclusion.has_failed() {
        eprintln!("--- wrangler dev log ---\n{}", api.app.log());
    }
    api.app.shutdown();
    conclusion.exit_code()
}
