//! The pages of events for people without an account: the agenda and e-education (the agenda
//! bundle), an event's page with its sign-up form (the events bundle), and the sign-up's private
//! link (the sign-up bundle). The facts of an event and the
//! controls of a group's seats are here, shared by those pages and by the staff's.

pub mod agenda;
pub mod education;
pub mod event;
pub mod registration;

use std::collections::BTreeMap;

use chrono::Timelike;
use domain::events::EventKind;
use domain::events::{seats_taken, Audience, Child, EventView, SeatsFor};
use domain::Lang;
use leptos::prelude::*;

use crate::components::form::Field;
use crate::format::datetime_short;
use crate::i18n::{tr, use_i18n, I18n};
use crate::text::{EventText, SignupText};

pub fn kind_label(kind: EventKind) -> EventText {
    match kind {
        EventKind::ClubMeeting => EventText::KindClubMeeting,
        EventKind::TeacherTraining => EventText::KindTeacherTraining,
        EventKind::ChildrenWorkshop => EventText::KindChildrenWorkshop,
        EventKind::OpenDay => EventText::KindOpenDay,
        EventKind::Other => EventText::KindOther,
    }
}

pub fn audience_label(audience: Audience) -> EventText {
    match audience {
        Audience::Everyone => EventText::AudienceEveryone,
        Audience::Teachers => EventText::AudienceTeachers,
        Audience::Families => EventText::AudienceFamilies,
        Audience::Members => EventText::AudienceMembers,
    }
}

/// "mardi 8 décembre, 14:00–16:00", or both ends in full when the event runs over several days.
pub fn when(ev: &EventView, lang: Lang) -> String {
    let (start, end) = (ev.starts_at.0, ev.ends_at.0);
    if start.date() == end.date() {
        format!(
            "{}–{:02}:{:02}",
            datetime_short(start, lang),
            end.hour(),
            end.minute()
        )
    } else {
        format!(
            "{} – {}",
            datetime_short(start, lang),
            datetime_short(end, lang)
        )
    }
}

/// The meeting room, or the place's name.
pub fn place(ev: &EventView, i18n: I18n) -> String {
    if ev.in_room {
        i18n.t(EventText::MeetingRoom).to_string()
    } else {
        ev.place.clone()
    }
}

/// "De 8 à 12 ans", when the event names an age range.
pub fn ages(ev: &EventView, i18n: I18n) -> Option<String> {
    let (min, max) = (ev.age_min?, ev.age_max?);
    Some(i18n.f(
        EventText::Ages,
        &[("min", &min.to_string()), ("max", &max.to_string())],
    ))
}

/// "3 places restantes", "Complet — liste d'attente", "Inscriptions closes" or "Annulé".
pub fn seats_text(ev: &EventView, i18n: I18n) -> String {
    if ev.cancelled {
        i18n.t(EventText::Cancelled).to_string()
    } else if ev.signups == domain::events::SignupState::Closed {
        i18n.t(EventText::SignupsClosed).to_string()
    } else if ev.seats_left == 0 {
        i18n.t(EventText::FullWaitingList).to_string()
    } else {
        i18n.count(
            EventText::SeatsLeftOne,
            EventText::SeatsLeftOther,
            u64::from(ev.seats_left),
        )
    }
}

/// A text staff wrote in French only, as English reads it: marked `lang="fr"` for screen readers
/// and followed by "(in French)"; as it is in French.
pub fn maybe_in_french(text: String, french_only: bool, i18n: I18n) -> impl IntoView {
    let marked = french_only && i18n.lang() == Lang::En;
    view! {
        <span lang=marked.then_some("fr")>{text}</span>
        {marked.then(|| view! { " "<span class="note">{tr(EventText::InFrench)}</span> })}
    }
}

/// The seats left as a change on this page last read them (a member's "Je viens"), when newer
/// than the event the page loaded.
#[derive(Clone, Copy)]
pub struct FreshSeats(pub RwSignal<Option<u32>>);

/// Everything a parent needs to know before coming: when, where, ages, partner, what to bring.
pub fn event_facts(ev: &EventView) -> impl IntoView {
    let i18n = use_i18n();
    let (e1, e2, e3, e4, e5) = (ev.clone(), ev.clone(), ev.clone(), ev.clone(), ev.clone());
    let partner = (!ev.partner.is_empty()).then(|| ev.partner.clone());
    let bring = ev.bring.clone();
    let has_bring = !ev.bring.fr.is_empty();
    let bring_fr_only = ev.in_french_only.bring;
    let room = ev.in_room;
    let address = ev.address.clone();
    let fresh = use_context::<FreshSeats>();
    view! {
        <dl class="facts-list">
            <dt>{tr(EventText::When)}</dt>
            <dd>{move || when(&e1, i18n.lang())}</dd>
            <dt>{tr(EventText::Where)}</dt>
            <dd>{move || place(&e2, i18n)}{room.then(room_address)}
                {(!room && !address.is_empty()).then(|| view! { <br />{address.clone()} })}</dd>
            <dt>{tr(EventText::FieldAudience)}</dt>
            <dd>{move || i18n.t(audience_label(e3.audience))}</dd>
            {e4.age_min.is_some().then(|| view! {
                <dt>{tr(EventText::ForAges)}</dt>
                <dd>{move || ages(&e4, i18n)}</dd>
            })}
            {partner.map(|p| view! {
                <dt>{tr(EventText::Partner)}</dt>
                <dd>{p}</dd>
            })}
            {has_bring.then(|| view! {
                <dt>{tr(EventText::Bring)}</dt>
                <dd>{move || maybe_in_french(i18n.pick(&bring), bring_fr_only, i18n)}</dd>
            })}
            <dt>{tr(EventText::Seats)}</dt>
            <dd>{move || {
                let mut e = e5.clone();
                if let Some(n) = fresh.and_then(|f| f.0.get()) {
                    e.seats_left = n;
                }
                seats_text(&e, i18n)
            }}</dd>
        </dl>
    }
}

/// Silicon Kerne's address (from the site's content, already loaded for the footer), under the
/// meeting room's name.
fn room_address() -> impl IntoView {
    let site = crate::site::use_site().0;
    move || {
        site.get()
            .and_then(Result::ok)
            .map(|s| view! { <br />{s.contact.address} })
    }
}

/// One child's row of a group, with a key that stays while rows above it are removed.
#[derive(Clone, Copy)]
pub struct ChildRow {
    key: u32,
    first_name: RwSignal<String>,
    age: RwSignal<String>,
}

/// The labels of the seat fields, for the error summary of a change of seats.
pub const SEAT_LABELS: &[(&str, SignupText)] = &[
    ("adults", SignupText::FieldAdults),
    ("children", SignupText::FieldChildrenCount),
];

/// A group's seats as the form holds them: adults, and the children (named, or only counted).
#[derive(Clone, Copy)]
pub struct Group {
    pub adults: RwSignal<String>,
    pub children_count: RwSignal<String>,
    pub rows: RwSignal<Vec<ChildRow>>,
    next_key: StoredValue<u32>,
    pub asks_children: bool,
    /// Who takes a seat: the form asks no children of an event for adults, and counts only the
    /// children where they take the seats.
    pub seats_for: SeatsFor,
    pub max: u32,
}

fn number(text: &str) -> u32 {
    text.trim().parse().unwrap_or(0)
}

impl Group {
    /// The controls of an event's form, filled with a group (one adult for a new sign-up).
    pub fn new(ev: &EventView, adults: u32, children: u32, named: &[Child]) -> Group {
        let rows: Vec<ChildRow> = named
            .iter()
            .enumerate()
            .map(|(i, c)| ChildRow {
                key: i as u32,
                first_name: RwSignal::new(c.first_name.clone()),
                age: RwSignal::new(c.age.to_string()),
            })
            .collect();
        let next = rows.len() as u32;
        Group {
            adults: RwSignal::new(adults.to_string()),
            children_count: RwSignal::new(children.to_string()),
            rows: RwSignal::new(rows),
            next_key: StoredValue::new(next),
            asks_children: ev.asks_children,
            seats_for: ev.seats_for,
            max: ev.max_per_signup,
        }
    }

    fn children_len(&self) -> u32 {
        if self.seats_for == SeatsFor::Adults {
            0
        } else if self.asks_children {
            self.rows.with(|r| r.len() as u32)
        } else {
            number(&self.children_count.get())
        }
    }

    /// The seats the group asks for (tracked).
    pub fn seats(&self) -> u32 {
        seats_taken(
            self.seats_for,
            number(&self.adults.get()),
            self.children_len(),
        )
    }

    /// Whether children are in the group (tracked).
    pub fn has_children(&self) -> bool {
        self.children_len() > 0
    }

    pub fn adults_untracked(&self) -> u32 {
        number(&self.adults.get_untracked())
    }

    /// The children as the API takes them: named when the event asks, else one blank entry each.
    pub fn children_untracked(&self) -> Vec<Child> {
        if self.seats_for == SeatsFor::Adults {
            Vec::new()
        } else if self.asks_children {
            self.rows.with_untracked(|rows| {
                rows.iter()
                    .map(|r| Child {
                        first_name: r.first_name.get_untracked().trim().to_string(),
                        age: number(&r.age.get_untracked()),
                    })
                    .collect()
            })
        } else {
            let n = number(&self.children_count.get_untracked()).min(self.max);
            vec![Child::default(); n as usize]
        }
    }

    fn add(&self) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.rows.update(|r| {
            r.push(ChildRow {
                key,
                first_name: RwSignal::new(String::new()),
                age: RwSignal::new(String::new()),
            })
        });
    }
}

/// A field error by a name made at run time (`children.0.age`).
fn error_line(
    errors: Signal<BTreeMap<String, String>>,
    name: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let name = name();
        errors.with(|e| e.get(&name).cloned()).map(|message| {
            view! { <p class="field__error" id=format!("f-{name}-error")>{message}</p> }
        })
    }
}

/// The inputs of a child's row: first name and age, each labelled, with its error.
fn child_row(
    row: ChildRow,
    index: ReadSignal<usize>,
    group: Group,
    errors: Signal<BTreeMap<String, String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = move || (index.get() + 1).to_string();
    let name_field = move || format!("children.{}.first_name", index.get());
    let age_field = move || format!("children.{}.age", index.get());
    let has = move |name: String| errors.with(|e| e.contains_key(&name));
    let remove = move |_: leptos::ev::MouseEvent| {
        group.rows.update(|r| r.retain(|c| c.key != row.key));
        request_animation_frame(|| {
            crate::components::focus::focus_css("#add-child");
        });
    };
    view! {
        <fieldset class="child-row">
            <legend>{move || i18n.f(SignupText::ChildNumber, &[("count", &n())])}</legend>
            <div class="field">
                <label for=move || format!("f-{}", name_field())>{tr(SignupText::FieldChildFirstName)}</label>
                <input type="text" id=move || format!("f-{}", name_field()) autocomplete="off" required=true
                    aria-invalid=move || has(name_field()).then_some("true")
                    aria-describedby=move || has(name_field()).then(|| format!("f-{}-error", name_field()))
                    bind:value=row.first_name />
                {error_line(errors, name_field)}
            </div>
            <div class="field field--short">
                <label for=move || format!("f-{}", age_field())>{tr(SignupText::FieldChildAge)}</label>
                <input type="number" inputmode="numeric" min="0" max="17" id=move || format!("f-{}", age_field()) required=true
                    aria-invalid=move || has(age_field()).then_some("true")
                    aria-describedby=move || has(age_field()).then(|| format!("f-{}-error", age_field()))
                    bind:value=row.age />
                {error_line(errors, age_field)}
            </div>
            <button type="button" class="button button--secondary" on:click=remove>
                {move || i18n.f(SignupText::RemoveChild, &[("count", &n())])}
            </button>
        </fieldset>
    }
}

/// The seats of a group: adults, then each child's row (with add and remove, within the most
/// seats one sign-up may take) or a count of children, and the total.
#[component]
pub fn GroupControls(group: Group, errors: Signal<BTreeMap<String, String>>) -> impl IntoView {
    let i18n = use_i18n();
    let max = group.max;
    let children = if group.seats_for == SeatsFor::Adults {
        ().into_any()
    } else if group.asks_children {
        let add = move |_: leptos::ev::MouseEvent| {
            group.add();
            let i = group.rows.with_untracked(Vec::len) - 1;
            request_animation_frame(move || {
                if let Some(el) =
                    document().get_element_by_id(&format!("f-children.{i}.first_name"))
                {
                    crate::components::focus::focus(Some(el), false);
                }
            });
        };
        view! {
            <fieldset class="field children">
                <legend>{tr(SignupText::ChildrenTitle)}</legend>
                <p class="field__hint">{tr(SignupText::ChildrenHint)}</p>
                <ForEnumerate
                    each=move || group.rows.get()
                    key=|row| row.key
                    children=move |index, row| child_row(row, index, group, errors)
                />
                <button type="button" id="add-child" class="button button--secondary"
                    disabled=move || { group.seats() >= max }
                    on:click=add>{tr(SignupText::AddChild)}</button>
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <Field name="children" label=SignupText::FieldChildrenCount value=group.children_count errors kind="number" inputmode="numeric" required=true />
        }
        .into_any()
    };
    view! {
        {(group.seats_for == SeatsFor::Children).then(|| view! { <p class="field__hint">{tr(SignupText::SeatsForChildrenHint)}</p> })}
        <Field name="adults" label=if group.seats_for == SeatsFor::Children { SignupText::FieldAdultsWith } else { SignupText::FieldAdults }
            value=group.adults errors kind="number" inputmode="numeric" required=true />
        {children}
        <p class="note" aria-live="polite">
            {move || i18n.count(SignupText::SeatsTotalOne, SignupText::SeatsTotalOther, u64::from(group.seats()))}" "
            {move || i18n.count(SignupText::MaxPerSignupOne, SignupText::MaxPerSignup, u64::from(max))}
        </p>
    }
}
