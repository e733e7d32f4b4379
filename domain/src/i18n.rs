//! The translation layer: the languages, texts in both languages, the [`messages!`] macro that
//! declares an enum of strings (a missing translation does not compile), and [`ApiMsg`], what the
//! server and the domain's rules say (errors, refused fields, emails). The app's own strings are
//! the app's (`app/src/text/`).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

use wire_json::{FromJson, ToJson};

/// The languages of the portal. French first: the people are in Quimper.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, FromJson, ToJson,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code, for `lang` attributes and `Content-Language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The best language for an `Accept-Language` header; French when nothing matches.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::parse) else {
                continue;
            };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }
}

/// A text that exists in both languages (content edited by staff, names of things).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Localized<T> {
    pub fr: T,
    pub en: T,
}

impl<T> Localized<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Replace `{name}` placeholders in a translated text.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A translatable text: every enum of user-facing strings implements it.
pub trait Text: Copy + Send + Sync + 'static {
    fn text(self, lang: Lang) -> &'static str;
}

/// Declares an enum of user-facing strings with their French and English texts.
#[macro_export]
macro_rules! messages {
    ($(#[$doc:meta])* $name:ident { $($key:ident => $fr:expr, $en:expr;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($key),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// Looked up in one table per language (a `match` over hundreds of variants is
            /// several kilobytes of code in the app's wasm; two tables are plain data).
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                const FR: &[&str] = &[$($fr),*];
                const EN: &[&str] = &[$($en),*];
                let table = match lang {
                    $crate::i18n::Lang::Fr => FR,
                    $crate::i18n::Lang::En => EN,
                };
                table[self as usize]
            }
        }

        impl $crate::i18n::Text for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                $name::text(self, lang)
            }
        }
    };
}

messages! {
/// What only the server says: API errors, refused fields, booking rules, emails and quotes.
/// Its own enum so that the app, which shows these as the API sends them, does not carry them.
ApiMsg {
    // API errors
    ErrNotFound => "Cette ressource n'existe pas.", "This resource does not exist.";
    ErrRouteNotFound => "Aucune route de l'API ne correspond à cette adresse.", "No API route matches this address.";
    ErrMethodNotAllowed => "Cette méthode n'est pas acceptée ici.", "This method is not allowed here.";
    ErrBadRequest => "La requête est mal formée.", "The request is malformed.";
    ErrValidation => "Certains champs sont invalides.", "Some fields are invalid.";
    ErrInternal => "Une erreur interne est survenue. Réessayez dans un instant.", "An internal error occurred. Try again in a moment.";
    ErrUnavailable => "Le service est momentanément indisponible.", "The service is temporarily unavailable.";
    ErrUnauthorized => "Connectez-vous pour continuer.", "Log in to continue.";
    ErrForbidden => "Vous n'avez pas accès à cette action.", "You are not allowed to do this.";
    ErrCrossSite => "Requête refusée : elle ne vient pas de ce site.", "Request refused: it does not come from this site.";
    ErrJsonRequired => "Cette requête doit être envoyée en JSON (Content-Type: application/json).", "This request must be sent as JSON (Content-Type: application/json).";
    ErrRateLimited => "Trop de tentatives depuis cet appareil (ou avec cette adresse). Patientez avant de réessayer.", "Too many attempts from this device (or with this address). Wait before trying again.";
    ErrLoginFailed => "Adresse e-mail ou mot de passe incorrect.", "Wrong email address or password.";
    ErrTokenInvalid => "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.", "This link is no longer valid: it was already used or has expired. Ask for a new one.";
    ErrApplicationExists => "Une demande d'adhésion avec cette adresse e-mail est déjà en cours d'examen.", "A membership application with this email address is already being reviewed.";
    ErrMemberExists => "Un compte existe déjà avec cette adresse e-mail : connectez-vous ou réinitialisez votre mot de passe.", "An account already exists with this email address: log in or reset your password.";
    ErrAlreadyDecided => "Cette demande a déjà été traitée.", "This application has already been dealt with.";
    ErrLastAdmin => "Impossible : il doit rester au moins un administrateur actif.", "Not possible: at least one active administrator must remain.";
    ErrConflict => "Les données ont changé entre-temps. Rechargez la page et réessayez.", "The data changed in the meantime. Reload the page and try again.";
    // Booking rules
    RuleEndAfterStart => "La fin doit être après le début.", "The end must be after the start.";
    RuleSameDay => "Une réservation commence et finit le même jour.", "A booking starts and ends on the same day.";
    RuleClosed => "La cantine est fermée ce jour-là.", "Silicon Kerne is closed that day.";
    RulePast => "Ce créneau est déjà passé.", "This slot is already over.";
    RuleHorizon => "On ne peut pas réserver aussi loin à l'avance.", "You cannot book that far ahead.";
    RuleOutsideHours => "Ce créneau est en dehors des horaires d'ouverture.", "This slot is outside the opening hours.";
    RuleDeskPeriod => "Un poste se réserve pour la matinée, l'après-midi ou la journée.", "A desk is booked for the morning, the afternoon or the day.";
    RuleGrid => "La salle se réserve par demi-heures (10:00, 10:30…).", "The room is booked by half-hours (10:00, 10:30…).";
    RuleTooShort => "Cette réservation est trop courte.", "This booking is too short.";
    RuleTooLong => "La salle se réserve pour 4 heures au plus.", "The room can be booked for at most 4 hours.";
    RuleNonexistentTime => "Cette heure n'existe pas ce jour-là (changement d'heure).", "This time does not exist that day (clock change).";
    RuleWeeklyQuota => "Vous avez atteint votre quota de salle pour cette semaine (6 heures).", "You have reached your weekly room quota (6 hours).";
    RuleMembershipInactive => "Votre adhésion n'est pas à jour : renouvelez-la pour réserver.", "Your membership is not active: renew it to book.";
    RuleOneDeskAtATime => "Vous avez déjà un poste sur ce créneau.", "You already have a desk at that time.";
    RuleCancelTooLate => "Il est trop tard pour annuler cette réservation.", "It is too late to cancel this booking.";
    ErrNoShowBeforeStart => "On ne note une absence qu'une fois le créneau commencé.", "A no-show can only be noted once the booking has started.";
    ErrCheckInDay => "On ne peut pointer une réservation que le jour même.", "A booking can only be checked in on its day.";
    ErrFull => "Plus de place sur ce créneau : choisissez-en un autre.", "No place left on this slot: choose another one.";
    ErrRoomTaken => "La salle est déjà réservée sur ce créneau.", "The room is already booked at that time.";
    ErrBlocked => "Cette ressource est fermée sur ce créneau.", "This resource is closed at that time.";
    // Field errors
    FieldRequired => "Ce champ est obligatoire.", "This field is required.";
    FieldEmail => "Cette adresse e-mail n'est pas valide.", "This email address is not valid.";
    FieldTooLong => "Ce texte est trop long.", "This text is too long.";
    ErrSignupsPerClient => "Trois inscriptions à cet atelier ont déjà été faites depuis cette connexion. Une famille s'inscrit une fois, avec toutes ses places ; pour changer les places, suivez le lien reçu par courriel.", "Three sign-ups to this event have already been made from this connection. A family signs up once, with all its seats; to change the seats, follow the link you received by email.";
    ErrTooLarge => "Cette demande est trop volumineuse pour être lue.", "This request is too large to be read.";
    ErrNotUtf8 => "Cette demande contient du texte illisible (pas en UTF-8) : rien n'a été enregistré.", "This request holds unreadable text (not UTF-8): nothing was saved.";
    FieldTooLong100 => "100 caractères au plus.", "100 characters at most.";
    FieldTooLong120 => "120 caractères au plus.", "120 characters at most.";
    FieldTooLong200 => "200 caractères au plus.", "200 characters at most.";
    FieldTooLong400 => "400 caractères au plus.", "400 characters at most.";
    FieldTooLong500 => "500 caractères au plus.", "500 characters at most.";
    FieldTooLong1000 => "1 000 caractères au plus.", "1,000 characters at most.";
    FieldTooLong2000 => "2 000 caractères au plus.", "2,000 characters at most.";
    FieldTooLong4000 => "4 000 caractères au plus.", "4,000 characters at most.";
    FieldTooLong20000 => "20 000 caractères au plus.", "20,000 characters at most.";
    FieldMisleadingChars => "Sans retour à la ligne ni caractère invisible ou qui inverse le sens du texte, s'il vous plaît.", "No line breaks, invisible characters or characters that reverse the text, please.";
    FieldPhone => "Ce numéro de téléphone n'est pas valide.", "This phone number is not valid.";
    FieldSkills => "Indiquez au plus 15 compétences de 40 caractères au plus.", "Give at most 15 skills of at most 40 characters.";
    FieldPasswordShort => "Le mot de passe doit contenir au moins 10 caractères.", "The password must be at least 10 characters long.";
    FieldConsent => "Acceptez la politique de données de l'association pour envoyer votre demande.", "Accept the association's data policy to send your application.";
    FieldUnknownClub => "Ce club n'existe pas.", "This club does not exist.";
    FieldDateTimeRequired => "Indiquez la date et l'heure.", "Enter the date and the time.";
    FieldDateRequired => "Choisissez une date.", "Choose a date.";
    RentalTaken => "La salle est déjà prise à ce moment : choisissez une demi-journée libre.", "The room is already taken then: choose a free half-day.";
    FieldDate => "Cette date n'est pas valide (AAAA-MM-JJ).", "This date is not valid (YYYY-MM-DD).";
    FieldDateFuture => "Cette date ne peut pas être dans le futur.", "This date cannot be in the future.";
    FieldAmount => "Le montant doit être compris entre 0 et 10 000 €.", "The amount must be between €0 and €10,000.";
    FieldDateTime => "Cette date et heure n'est pas valide (AAAA-MM-JJTHH:MM).", "This date and time is not valid (YYYY-MM-DDTHH:MM).";
    FieldDateRange => "Cette période n'est pas valide (31 jours au plus).", "This period is not valid (31 days at most).";
    FieldUnknownResource => "Cette ressource n'existe pas.", "This resource does not exist.";
    FieldAttendees => "Indiquez un nombre de participants entre 1 et la capacité de la salle.", "Give a number of attendees between 1 and the room's capacity.";
    FieldPeriod => "Choisissez la matinée, l'après-midi ou la journée.", "Choose the morning, the afternoon or the day.";
    SettingShape => "Cette valeur n'a pas la forme attendue pour ce réglage.", "This value does not have the shape this setting expects.";
    SettingWeekdayRange => "Le jour {n} n'existe pas : les jours vont de 1 (lundi) à 7 (dimanche).", "Day {n} does not exist: days go from 1 (Monday) to 7 (Sunday).";
    SettingWeekdayTwice => "Le {day} est indiqué deux fois.", "{day} is listed twice.";
    SettingCloseBeforeOpen => "Le {day}, l'heure de fermeture doit être après l'heure d'ouverture.", "On {day}, the closing time must be after the opening time.";
    SettingNegativeRate => "Un tarif ne peut pas être négatif.", "A rate cannot be negative.";
    SettingRateTooHigh => "Un tarif va de 0 à 10 000 €.", "A rate goes from €0 to €10,000.";
    SettingHorizonRange => "On réserve de 1 à 366 jours à l'avance.", "Bookings go from 1 to 366 days ahead.";
    SettingIban => "Cet IBAN n'est pas valide : vérifiez-le sur le RIB (27 caractères en France, commençant par FR76).", "This IBAN is not valid: check it against the bank details (27 characters in France, starting with FR76).";
    SettingInconsistentRules => "Ces règles se contredisent : vérifiez que les créneaux se suivent et que la durée maximale dépasse la durée minimale.", "These rules contradict each other: check that the periods follow each other and that the longest booking is longer than the shortest.";
    SettingRna => "Un numéro RNA s'écrit W suivi de neuf chiffres (ex. W291012345).", "An RNA number is W followed by nine digits (e.g. W291012345).";
    SettingSiret => "Un SIRET compte quatorze chiffres.", "A SIRET has fourteen digits.";
    SettingFee => "Indiquez une cotisation en centimes, entre 0 et 1 000 €.", "Enter a fee in cents, between €0 and €1,000.";
    SettingBudget => "Indiquez un budget en centimes, entre 0 et 1 000 000 €.", "Enter a budget in cents, between €0 and €1,000,000.";
    FieldPaymentMethod => "Choisissez espèces, chèque, virement ou carte.", "Choose cash, cheque, transfer or card.";
    SettingTarget => "Indiquez un objectif en centimes, entre 0 et 1 000 000 €.", "Enter a target in cents, between €0 and €1,000,000.";
    // Events and sign-ups
    FieldEventKind => "Choisissez le type d'événement.", "Choose the kind of event.";
    FieldAudience => "Choisissez à qui s'adresse l'événement.", "Choose who the event is for.";
    FieldPlace => "Indiquez le lieu, ou choisissez la salle de réunion.", "Name the place, or choose the meeting room.";
    FieldEventEnd => "La fin doit suivre le début (une semaine au plus).", "The end must come after the start (one week at most).";
    FieldEventPast => "Cet horaire est déjà passé.", "This time has already passed.";
    EventClockGap => "Cette heure n'existe pas ce jour-là (passage à l'heure d'été).", "This time does not exist that day (clocks go forward).";
    // The general assembly
    AssemblyQuorumRange => "Le quorum est une part des votants, de 0 à 100 %.", "The quorum is a share of the voters, from 0 to 100%.";
    AssemblyNoticeRange => "Le délai de convocation va de 15 jours à un mois (31 jours).", "The notice runs from 15 days to a month (31 days).";
    AssemblyProxiesRange => "Un votant détient au plus 10 procurations.", "A voter holds at most 10 proxies.";
    AssemblyKind => "Choisissez une assemblée ordinaire ou extraordinaire.", "Choose an ordinary or an extraordinary assembly.";
    AssemblyTooFar => "Une assemblée se prépare au plus deux ans à l'avance.", "An assembly is prepared at most two years ahead.";
    AssemblyNoticeTooShort => "Trop proche : la convocation ne partirait plus dans le délai des statuts. Choisissez une date plus lointaine.", "Too soon: the convocation could no longer leave within the statutes' notice. Choose a later date.";
    AssemblyNoItems => "L'ordre du jour a au moins un point.", "The agenda has at least one item.";
    AssemblyTooManyItems => "L'ordre du jour a au plus 29 points (plus les questions diverses).", "The agenda has at most 29 items (and any other business).";
    AssemblyOneElection => "Une assemblée élit le conseil une seule fois.", "An assembly elects the board once.";
    AssemblyCandidacyDay => "Les candidatures se ferment avant le jour de l'assemblée, et pas dans le passé.", "Candidacies close before the assembly's day, and not in the past.";
    AssemblyItemKind => "Choisissez : point d'information, résolution ou élection du conseil.", "Choose: an item to read, a resolution or the board's election.";
    AssemblyMajority => "Choisissez la majorité : simple, absolue ou des deux tiers.", "Choose the majority: simple, absolute or two thirds.";
    AssemblySeats => "Une élection pourvoit de 1 à 30 sièges.", "An election fills 1 to 30 seats.";
    AssemblyIntent => "Choisissez : je viens, je suis à distance ou je donne ma procuration.", "Choose: I come, I follow remotely or I give my proxy.";
    ProxyToSelf => "On ne se donne pas sa propre procuration.", "You cannot give your proxy to yourself.";
    ProxyAlreadyGiven => "Vous avez déjà donné votre procuration.", "You have already given your proxy.";
    ProxyGiverHolds => "Vous détenez des procurations : vous ne pouvez pas les transmettre en donnant la vôtre. Refusez-les d'abord.", "You hold proxies: giving yours would pass them on. Refuse them first.";
    ProxyHolderGave => "Cette personne a elle-même donné sa procuration : une procuration ne se transmet pas.", "This person gave their own proxy: a proxy cannot be passed on.";
    ProxyHolderFull => "Cette personne détient déjà autant de procurations que les statuts le permettent.", "This person already holds as many proxies as the statutes allow.";
    ProxyNotAsked => "Cette procuration n'est plus demandée.", "This proxy is no longer asked.";
    ErrAssemblyNotVoter => "Votre cotisation ne couvre pas le jour de l'assemblée : renouvelez-la pour y voter.", "Your fee does not cover the assembly's day: renew it to vote.";
    ErrAssemblyHolderNotVoter => "Cette personne n'est pas votante à cette assemblée.", "This person is not a voter at this assembly.";
    ErrAssemblyAnswersClosed => "Les réponses sont closes : l'assemblée a commencé.", "Answers are closed: the assembly has begun.";
    ErrAssemblyCandidacyClosed => "Les candidatures au conseil sont closes.", "Candidacies for the board are closed.";
    ErrAssemblyNotConvened => "Cette assemblée n'est pas convoquée.", "This assembly has not been convened.";
    ErrAssemblyConvened => "Cette assemblée est déjà convoquée.", "This assembly has already been convened.";
    ErrAssemblyNoticePassed => "Il est trop tard pour convoquer dans le délai des statuts : déplacez la date de l'assemblée.", "It is too late to convene within the statutes' notice: move the assembly's date.";
    ErrRemoteNotAllowed => "Les statuts ne permettent pas de voter à distance.", "The statutes do not allow voting remotely.";
    ErrNoElection => "Cette assemblée n'élit pas le conseil.", "This assembly does not elect the board.";
    BallotUnknownCandidate => "Ce bulletin nomme quelqu'un qui ne se présente pas.", "This ballot names someone who is not standing.";
    BallotTwice => "Un bulletin nomme chaque candidat·e une fois au plus.", "A ballot names each candidate once at most.";
    BallotTooMany => "Un bulletin nomme au plus autant de candidat·es que de sièges.", "A ballot names at most as many candidates as there are seats.";
    ErrVoteChoice => "Choisissez : pour, contre ou abstention.", "Choose: for, against or abstain.";
    ErrVoteNotOpen => "Ce vote n'est pas ouvert : il est clos ou pas encore ouvert, et un vote clos ne change plus.", "This vote is not open: it is closed or not opened yet, and a closed vote never changes.";
    ErrVoiceCast => "Cette voix a déjà voté sur cette question.", "This voice has already voted on this question.";
    ErrNotCheckedIn => "Pour voter, pointez-vous à l'accueil (ou rejoignez l'assemblée à distance, si vous avez répondu ainsi).", "To vote, check in at the door (or join the assembly remotely, if you answered so).";
    ErrNotYourVoice => "Cette voix n'est pas la vôtre, ni celle d'une procuration que vous portez.", "This voice is neither yours nor one of a proxy you carry.";
    ErrNotAVote => "Ce point n'est pas soumis au vote.", "This item is not put to the vote.";
    ErrVoteNotPending => "Ce vote a déjà été ouvert : un vote clos ne change plus.", "This vote was already opened: a closed vote never changes.";
    ErrAnotherVoteOpen => "Un autre vote est ouvert : fermez-le d'abord.", "Another vote is open: close it first.";
    ErrNotTheDay => "L'accueil et les votes ouvrent le jour de l'assemblée.", "The door and the votes open on the assembly's day.";
    ErrNoQuorum => "Quorum non atteint : {present} voix présentes ou représentées, {needed} nécessaires. Le vote ne peut pas s'ouvrir.", "Quorum not reached: {present} voices present or represented, {needed} needed. The vote cannot open.";
    ErrNotRemote => "Vous n'avez pas répondu suivre l'assemblée à distance.", "You did not answer that you follow the assembly remotely.";
    ErrVoteStillOpen => "Un vote est encore ouvert : fermez-le avant de clore l'assemblée.", "A vote is still open: close it before closing the assembly.";
    ErrAssemblyNotOpenToClose => "Seule une assemblée convoquée, le jour venu ou après, peut être close.", "Only a convened assembly, on its day or after, can be closed.";
    ErrBoardRole => "Choisissez : président·e, vice-président·e, trésorier·e, secrétaire ou administrateur·rice.", "Choose: president, vice-president, treasurer, secretary or board member.";
    AssemblyInTheRoom => "dans la salle de réunion de la cantine", "in the cantine's meeting room";
    EmailAssemblySubject => "Silicon Kerne : convocation à l'assemblée générale du {date}", "Silicon Kerne: notice of the general assembly on {date}";
    EmailAssemblyBody => "Bonjour {name},\n\nVous êtes convoqué·e à l'assemblée générale {kind} de Silicon Kerne, le {date} de {start} à {end}, {place}.\n\nOrdre du jour :\n{agenda}\n\nDites-nous si vous venez, si vous suivez à distance ou à qui vous donnez votre procuration, et présentez-vous au conseil d'administration si vous le souhaitez (jusqu'au {candidacy}) :\n{link}\n\nÀ bientôt à la cantine.", "Hello {name},\n\nYou are called to Silicon Kerne's {kind} general assembly on {date} from {start} to {end}, {place}.\n\nAgenda:\n{agenda}\n\nTell us whether you come, follow remotely or to whom you give your proxy, and stand for the board if you wish (until {candidacy}):\n{link}\n\nSee you at the cantine.";
    FieldCapacity => "Indiquez une capacité entre 1 et 500 places.", "Give a capacity between 1 and 500 seats.";
    FieldCapacityBelowTaken => "Déjà {n} places confirmées : la capacité ne peut pas descendre en dessous.", "{n} seats are already confirmed: the capacity cannot go below that.";
    FieldMaxPerSignup => "Indiquez combien de places une inscription peut prendre (au moins 1, au plus la capacité).", "Say how many seats one sign-up may take (at least 1, at most the capacity).";
    FieldAgeRange => "Indiquez un âge minimum et un âge maximum (17 ans au plus).", "Give a minimum and a maximum age (17 at most).";
    FieldSignupWindow => "Les inscriptions doivent ouvrir avant de fermer, et fermer au plus tard au début de l'événement.", "Sign-ups must open before they close, and close by the start of the event at the latest.";
    FieldSeats => "Le nombre de places n'est pas possible pour cet événement (au moins 1, au plus la limite par inscription).", "This number of seats is not possible for this event (at least 1, at most the limit per sign-up).";
    FieldAddress => "Indiquez l'adresse du lieu (rue et ville) : les familles doivent le trouver.", "Give the place's address (street and town): families need to find it.";
    FieldChildRequired => "Inscrivez au moins un enfant : les places de cet atelier sont pour les enfants (l'adulte qui les accompagne n'en prend pas).", "Sign up at least one child: this workshop's seats are for children (the adult who comes with them takes none).";
    FieldAdultsOnly => "Cet événement est pour les adultes : inscrivez seulement des adultes.", "This event is for adults: sign up adults only.";
    FieldSeatsFor => "Choisissez qui prend une place : tout le monde, les enfants ou les adultes.", "Choose who takes a seat: everyone, the children or the adults.";
    FieldAdultsOnlyNoChildren => "Un événement pour les adultes ne demande pas les prénoms des enfants.", "An event for adults does not ask for the children's first names.";
    FieldAdultRequired => "Un adulte au moins accompagne les enfants.", "At least one adult comes with the children.";
    FieldChildAge => "Cet âge est en dehors de la tranche d'âge de l'atelier.", "This age is outside the workshop's age range.";
    FieldChildrenConsent => "Confirmez que vous êtes responsable légal des enfants et acceptez la conservation de leurs informations.", "Confirm that you are the children's legal guardian and agree that their information is kept.";
    ErrSignupsClosed => "Les inscriptions à cet événement sont fermées.", "Sign-ups for this event are closed.";
    ErrSignupsNotOpen => "Les inscriptions à cet événement ne sont pas encore ouvertes.", "Sign-ups for this event are not open yet.";
    ErrEventCancelled => "Cet événement est annulé.", "This event is cancelled.";
    ErrNoSeatsForMore => "Il n'y a pas assez de places libres pour ajouter ces places.", "There are not enough free seats to add these seats.";
    ErrRegistrationCancelled => "Cette inscription est annulée.", "This sign-up is cancelled.";
    ErrEventStarted => "L'événement a commencé : cette inscription ne peut plus changer.", "The event has started: this sign-up can no longer change.";
    EmailEventSubject => "Silicon Kerne : {title} le {date}", "Silicon Kerne: {title} on {date}";
    EmailEventConfirmedBody => "Bonjour {name},\n\nVotre inscription à « {title} » le {date} à {time} est confirmée pour {seats}.\nLieu : {place}.\nVotre lien personnel pour la consulter, changer le nombre de places ou annuler :\n{link}\n\nÀ bientôt à la cantine !", "Hello {name},\n\nYour sign-up for “{title}” on {date} at {time} is confirmed for {seats}.\nPlace: {place}.\nYour personal link to see it, change the number of seats or cancel:\n{link}\n\nSee you at Silicon Kerne!";
    EmailEventWaitingBody => "Bonjour {name},\n\nL'événement « {title} » le {date} est complet pour l'instant : vous êtes sur la liste d'attente, en position {position}. Dès qu'une place se libère pour vous, votre inscription est confirmée et nous vous écrivons.\nVotre lien personnel :\n{link}", "Hello {name},\n\n“{title}” on {date} is full for now: you are on the waiting list, in position {position}. As soon as a seat frees up for you, your sign-up is confirmed and we write to you.\nYour personal link:\n{link}";
    EmailEventPromotedBody => "Bonjour {name},\n\nBonne nouvelle : des places se sont libérées. Votre inscription à « {title} » le {date} à {time} est confirmée pour {seats}.\nLieu : {place}.\nVotre lien personnel pour la consulter, changer le nombre de places ou annuler :\n{link}", "Hello {name},\n\nGood news: seats freed up. Your sign-up for “{title}” on {date} at {time} is confirmed for {seats}.\nPlace: {place}.\nYour personal link to see it, change the number of seats or cancel:\n{link}";
    SeatsOne => "{n} place", "{n} seat";
    SeatsMany => "{n} places", "{n} seats";
    EmailEventReminderSubject => "Rappel : {title} le {date} à {time}", "Reminder: {title} on {date} at {time}";
    EmailEventReminderBody => "Bonjour {name},\n\nPetit rappel : « {title} » a lieu le {date} à {time} ({place}), pour {seats}.\n{bring}\nSi vous ne pouvez plus venir, annulez avec votre lien personnel : la place ira à une famille en liste d'attente.\n{link}", "Hello {name},\n\nA short reminder: “{title}” takes place on {date} at {time} ({place}), for {seats}.\n{bring}\nIf you can no longer come, cancel with your personal link: the seat will go to a family on the waiting list.\n{link}";
    EmailEventCancelledSubject => "Annulé : {title} le {date}", "Cancelled: {title} on {date}";
    EmailEventCancelledBody => "Bonjour {name},\n\nNous sommes désolés : « {title} » prévu le {date} est annulé. Votre inscription est donc annulée elle aussi.\n\nL'équipe de Silicon Kerne", "Hello {name},\n\nWe are sorry: “{title}” planned on {date} is cancelled, and with it your sign-up.\n\nThe Silicon Kerne team";
    EmailEventLinkAgainBody => "Bonjour {name},\n\nQuelqu'un (peut-être vous) a demandé à s'inscrire à « {title} » le {date} avec votre adresse e-mail, qui y est déjà inscrite. Rien n'a changé. Voici le lien personnel de votre inscription, pour la consulter, changer le nombre de places ou annuler :\n{link}\n\nSi ce n'était pas vous, vous pouvez ignorer ce message.", "Hello {name},\n\nSomeone (perhaps you) asked to sign up for “{title}” on {date} with your email address, which is already signed up. Nothing has changed. Here is your sign-up's personal link, to see it, change the number of seats or cancel:\n{link}\n\nIf it was not you, you can ignore this message.";
    ErrMembersOnly => "Cet événement est réservé aux adhérents : connectez-vous avec votre compte pour vous inscrire.", "This event is for members only: log in with your account to sign up.";
    ErrBusy => "Beaucoup de monde s'inscrit en même temps : réessayez dans un instant. Rien n'a été enregistré.", "Many people are signing up at the same time: try again in a moment. Nothing was saved.";
    ErrRoomHeldBy => "La salle est déjà prise le {date} de {from} à {to} ({what}) : choisissez un autre horaire ou un autre lieu. Rien n'a été enregistré.", "The room is already taken on {date} from {from} to {to} ({what}): choose another time or another place. Nothing was saved.";
    CsvName => "Nom", "Name";
    CsvEmail => "E-mail", "Email";
    CsvPhone => "Téléphone", "Phone";
    CsvStatus => "Statut", "Status";
    CsvPosition => "Position", "Position";
    CsvSeats => "Places", "Seats";
    CsvAdults => "Adultes", "Adults";
    CsvChildren => "Enfants", "Children";
    CsvChildNames => "Prénoms des enfants", "Children's first names";
    CsvPhotos => "Photos", "Photos";
    CsvPresent => "Présents", "Present";
    CsvConfirmed => "confirmé", "confirmed";
    CsvWaiting => "liste d'attente", "waiting list";
    CsvCancelled => "annulé", "cancelled";
    CsvYes => "oui", "yes";
    CsvNo => "non", "no";
    CsvEvent => "Événement", "Event";
    CsvDate => "Date", "Date";
    ErrDoorNotOpen => "Le pointage ouvre le jour de l'événement, le {date}.", "Check-in opens on the day of the event, {date}.";
    EmailSignupCancelledByStaffSubject => "Inscription annulée : {title} le {date}", "Sign-up cancelled: {title} on {date}";
    EmailSignupCancelledByStaffBody => "Bonjour {name},\n\nComme vous nous l'avez demandé, votre inscription à « {title} » le {date} à {time} est annulée, et ce que vous nous aviez donné (prénoms des enfants, téléphone) est effacé. Vos places vont aux familles en liste d'attente.\n\nPour vous inscrire de nouveau, s'il reste des places : {link}\n\nL'équipe de Silicon Kerne", "Hello {name},\n\nAs you asked us, your sign-up for “{title}” on {date} at {time} is cancelled, and what you gave us (children's first names, phone) is erased. Your seats go to the families on the waiting list.\n\nTo sign up again, if seats are left: {link}\n\nThe Silicon Kerne team";
    AuditSignupCancel => "{actor} a annulé une inscription ({seats}) à « {title} », à la demande de la famille.", "{actor} cancelled a sign-up ({seats}) for “{title}”, as the family asked.";
    CsvChildAge => "{first_name} ({age} ans)", "{first_name} ({age})";
    PlaceRoom => "la salle de réunion de Silicon Kerne", "Silicon Kerne's meeting room";
    SettingReminderHours => "Indiquez un délai de rappel entre 1 et 168 heures.", "Give a reminder delay between 1 and 168 hours.";
    SettingRetentionDays => "Indiquez une durée de conservation entre 1 et 365 jours.", "Give a retention delay between 1 and 365 days.";
    SettingNameReminder => "le délai des rappels d'événements", "the events' reminder delay";
    SettingNameRetention => "la durée de conservation des données des enfants", "the retention delay of children's data";
    AuditEventCreate => "{actor} a publié l'événement « {title} ».", "{actor} published the event “{title}”.";
    AuditEventUpdate => "{actor} a modifié l'événement « {title} ».", "{actor} edited the event “{title}”.";
    AuditEventCancel => "{actor} a annulé l'événement « {title} ».", "{actor} cancelled the event “{title}”.";
    AuditClubRule => "{actor} a fixé les réunions du club {club} : {rule}.", "{actor} set the meetings of the club {club}: {rule}.";
    // Consultations and the library
    FieldTrade => "Choisissez votre activité.", "Choose your line of business.";
    FieldBusinessSize => "Choisissez la taille de l'entreprise, ou laissez vide.", "Choose the size of the business, or leave it empty.";
    FieldTopics => "Choisissez au moins un sujet dans la liste (10 au plus).", "Choose at least one topic from the list (10 at most).";
    FieldAvailability => "Cochez au moins un moment où vous êtes disponible.", "Tick at least one time when you are available.";
    FieldConsultationConsent => "Acceptez la politique de données pour envoyer votre demande.", "Accept the data policy to send your request.";
    FieldConsultationPlace => "Choisissez : à la cantine, par téléphone ou en visio.", "Choose: at Silicon Kerne, by phone or by video.";
    FieldConsultationResource => "À la cantine, choisissez la salle de réunion ou un poste.", "At Silicon Kerne, choose the meeting room or a desk.";
    FieldAppointmentEnd => "La fin doit suivre le début, le même jour (4 heures au plus).", "The end must come after the start, the same day (4 hours at most).";
    FieldOutcome => "Choisissez « réalisée » ou « refusée ».", "Choose “done” or “declined”.";
    FieldVolunteer => "Ce membre n'existe pas ou son compte est fermé.", "This member does not exist or their account is closed.";
    FieldSlug => "Une adresse s'écrit en minuscules sans accents, chiffres et tirets (3 à 60).", "An address is written in lower-case letters without accents, digits and dashes (3 to 60).";
    ErrSlugTaken => "Cette adresse est déjà prise.", "This address is already taken.";
    FieldLibraryKind => "Choisissez : guide, liste à cocher ou lien.", "Choose: guide, checklist or link.";
    FieldUrl => "Une adresse web commence par https:// (ou laissez vide).", "A web address starts with https:// (or leave it empty).";
    FieldUrlForLink => "Un lien a besoin d'une adresse web (https://…).", "A link needs a web address (https://…).";
    FieldEnglishPart => "Pour une version anglaise, écrivez aussi ce champ en anglais (ou videz tous les champs en anglais).", "For an English version, write this field in English too (or empty every English field).";
    FieldMonthlyCap => "Indiquez entre 1 et 20 consultations par mois.", "Give between 1 and 20 consultations a month.";
    FieldVolunteerTopics => "Choisissez au moins un sujet pour être proposé.", "Choose at least one topic to be suggested.";
    ErrConsultationChanged => "Cette demande a changé entre-temps (quelqu'un d'autre s'en est occupé) : rechargez la page.", "This request changed in the meantime (someone else dealt with it): reload the page.";
    ErrConsultationTaken => "Cette consultation a été confiée à quelqu'un d'autre entre-temps.", "This consultation was given to someone else in the meantime.";
    ErrConsultationStep => "Cette demande n'en est pas à cette étape : rechargez la page.", "This request is not at that step: reload the page.";
    ErrConsultationNotYet => "Le rendez-vous n'a pas encore eu lieu : la demande se clôt une fois qu'il a commencé.", "The appointment has not taken place yet: the request is closed once it has begun.";
    ErrHeldForConsultation => "Ce poste est réservé pour une consultation : changez le rendez-vous depuis « Consultations pour les entreprises ».", "This desk is held for a consultation: change the appointment from “Consultations for businesses”.";
    ErrPlaceTaken => "La salle ou le poste est déjà pris à ce moment : choisissez un autre horaire ou un autre lieu. Rien n'a été enregistré.", "The room or desk is already taken then: choose another time or place. Nothing was saved.";
    SettingNameConsultationRetention => "la durée de conservation des demandes de consultation", "the retention delay of consultation requests";
    SettingConsultationRetention => "Indiquez une durée de conservation entre 30 et 3 650 jours.", "Give a retention delay between 30 and 3,650 days.";
    EmailConsultationSubject => "Silicon Kerne : votre demande de consultation", "Silicon Kerne: your consultation request";
    EmailConsultationBody => "Bonjour {name},\n\nNous avons bien reçu votre demande pour {business}. Un adhérent qui connaît le sujet va vous être proposé ; vous suivez chaque étape, le rendez-vous et ses documents avec ce lien personnel :\n{link}\n\nGardez ce message : ce lien est le seul accès à votre demande.", "Hello {name},\n\nWe received your request for {business}. A member who knows the subject will be found for you; follow each step, the appointment and its documents with this personal link:\n{link}\n\nKeep this message: this link is the only way to your request.";
    EmailConsultationOfferSubject => "Silicon Kerne : une consultation vous est proposée", "Silicon Kerne: a consultation is offered to you";
    EmailConsultationOfferBody => "Bonjour {name},\n\nL'équipe vous propose d'aider {business} ({town}) : {topics}.\nAcceptez ou déclinez avant le {by} dans votre espace :\n{link}\n\nMerci !", "Hello {name},\n\nThe team asks you to help {business} ({town}): {topics}.\nAccept or decline by {by} in your area:\n{link}\n\nThank you!";
    EmailConsultationScheduledSubject => "Silicon Kerne : votre rendez-vous le {date}", "Silicon Kerne: your appointment on {date}";
    EmailConsultationScheduledBody => "Bonjour {name},\n\nVotre rendez-vous avec {volunteer} est fixé le {date} à {time} ({place}).\nSi ce créneau ne vous convient pas, dites-le avec le lien personnel reçu lors de votre demande.", "Hello {name},\n\nYour appointment with {volunteer} is set on {date} at {time} ({place}).\nIf this time does not suit you, say so with the personal link you received with your request.";
    EmailConsultationMovedSubject => "Silicon Kerne : votre rendez-vous change, le {date}", "Silicon Kerne: your appointment changes, {date}";
    EmailConsultationMovedBody => "Bonjour {name},\n\nVotre rendez-vous avec {volunteer} du {old_date} à {old_time} ({old_place}) est remplacé par celui-ci : le {date} à {time} ({place}).\nCe message remplace le précédent ; le fichier de calendrier de votre lien personnel remplace aussi l'ancien rendez-vous.\nSi ce créneau ne vous convient pas, dites-le avec le lien personnel reçu lors de votre demande.", "Hello {name},\n\nYour appointment with {volunteer} on {old_date} at {old_time} ({old_place}) is replaced by this one: {date} at {time} ({place}).\nThis message replaces the previous one; the calendar file at your personal link replaces the old appointment too.\nIf this time does not suit you, say so with the personal link you received with your request.";
    EmailConsultationClosedSubject => "Silicon Kerne : votre demande de consultation", "Silicon Kerne: your consultation request";
    EmailConsultationDoneBody => "Bonjour {name},\n\nMerci d'être venu·e ! Les ressources conseillées et un court questionnaire vous attendent sur le lien personnel reçu lors de votre demande.", "Hello {name},\n\nThank you for coming! The recommended resources and a short questionnaire wait for you at the personal link you received with your request.";
    EmailConsultationDeclinedBody => "Bonjour {name},\n\nNous ne pouvons pas donner suite à votre demande pour {business}.\nMotif : {reason}", "Hello {name},\n\nWe cannot follow up your request for {business}.\nReason: {reason}";
    EmailConsultationChangedSubject => "Silicon Kerne : une consultation a changé", "Silicon Kerne: a consultation changed";
    EmailConsultationCancelledBody => "Bonjour {name},\n\nLa demande de {business} est annulée par son auteur : vous n'avez plus rien à faire. Merci !", "Hello {name},\n\nThe request of {business} was cancelled by its author: nothing more to do. Thank you!";
    EmailConsultationUnsuitableBody => "Bonjour {name},\n\nLe rendez-vous avec {business} ne convient pas : « {message} ».\nProposez un autre créneau dans votre espace :\n{link}", "Hello {name},\n\nThe appointment with {business} does not suit them: “{message}”.\nSuggest another time in your area:\n{link}";
    EmailConsultationReminderSubject => "Rappel : rendez-vous demain à {time}", "Reminder: appointment tomorrow at {time}";
    EmailConsultationReminderBody => "Bonjour {name},\n\nPetit rappel : rendez-vous demain, le {date} à {time} ({place}), pour {business}.", "Hello {name},\n\nA short reminder: appointment tomorrow, {date} at {time} ({place}), for {business}.";
    PlaceCantine => "à Silicon Kerne", "at Silicon Kerne";
    PlacePhone => "par téléphone", "by phone";
    PlaceVideo => "en visio", "by video";
    // Statistics
    StatsNotADate => "Indiquez une date au format AAAA-MM-JJ.", "Enter a date as YYYY-MM-DD.";
    StatsEndBeforeStart => "La fin de la période doit suivre son début.", "The period must end after it starts.";
    FieldEventHorizon => "Un événement se publie deux ans à l'avance au plus.", "An event can be published two years ahead at most.";
    ErrRangeTooLong => "Une recherche couvre 400 jours au plus.", "A search covers 400 days at most.";
    StatsTooLong => "Une période couvre deux ans au plus.", "A period covers two years at most.";
    ReportTextTooLong => "Le texte du rapport tient en 4 000 caractères au plus.", "The report's text holds 4,000 characters at most.";
    AuditReportText => "{actor} a modifié le texte du rapport d'activité du {from} au {to}.", "{actor} edited the activity report's text for {from} to {to}.";
    // Emails
    EmailApplicationSubject => "Silicon Kerne : nous avons bien reçu votre demande d'adhésion", "Silicon Kerne: we received your membership application";
    EmailApplicationBody => "Bonjour {name},\n\nMerci pour votre demande d'adhésion à Silicon Kerne. Le concierge l'examine et vous répond très vite.\n\nÀ bientôt à la cantine !", "Hello {name},\n\nThank you for applying to join Silicon Kerne. The concierge is reviewing it and will answer soon.\n\nSee you at Silicon Kerne!";
    EmailInvitationSubject => "Bienvenue à Silicon Kerne : choisissez votre mot de passe", "Welcome to Silicon Kerne: choose your password";
    EmailInvitationBody => "Bonjour {name},\n\nVotre adhésion à Silicon Kerne est acceptée. Choisissez votre mot de passe avec ce lien, valable 72 heures et une seule fois :\n{link}\n\nÀ bientôt à la cantine !", "Hello {name},\n\nYour membership of Silicon Kerne is accepted. Choose your password with this link, valid for 72 hours and once only:\n{link}\n\nSee you at Silicon Kerne!";
    EmailDeclinedSubject => "Silicon Kerne : votre demande d'adhésion", "Silicon Kerne: your membership application";
    EmailDeclinedBody => "Bonjour {name},\n\nNous ne pouvons pas donner suite à votre demande d'adhésion pour le moment.\nMotif : {reason}\n\nN'hésitez pas à passer nous voir pour en parler.", "Hello {name},\n\nWe cannot accept your membership application for now.\nReason: {reason}\n\nFeel free to drop by and talk about it.";
    EmailAccountExistsSubject => "Silicon Kerne : vous avez déjà un compte", "Silicon Kerne: you already have an account";
    EmailAccountExistsBody => "Bonjour {name},\n\nQuelqu'un (vous, sans doute) vient de demander à adhérer à Silicon Kerne avec cette adresse, qui a déjà un compte. Pas besoin d'une nouvelle demande : connectez-vous ici, et si vous avez oublié votre mot de passe, demandez-en un nouveau sur la même page :\n{link}\n\nSi vous n'avez rien demandé, ignorez ce message : rien n'a changé.", "Hello {name},\n\nSomeone (you, most likely) just applied to join Silicon Kerne with this address, which already has an account. No need to apply again: log in here, and if you forgot your password, ask for a new one on the same page:\n{link}\n\nIf you did not ask for anything, ignore this message: nothing has changed.";
    EmailResetSubject => "Silicon Kerne : réinitialiser votre mot de passe", "Silicon Kerne: reset your password";
    EmailResetBody => "Bonjour {name},\n\nPour choisir un nouveau mot de passe, suivez ce lien, valable une heure et une seule fois :\n{link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.", "Hello {name},\n\nTo choose a new password, follow this link, valid for one hour and once only:\n{link}\n\nIf you did not ask for this, ignore this message: your password stays the same.";
    EmailRentalSubject => "Silicon Kerne : votre demande de location de salle ({date})", "Silicon Kerne: your meeting room request ({date})";
    EmailRentalBody => "Bonjour {name},\n\nNous avons bien reçu votre demande de location de la salle de réunion pour {organisation}, le {date} ({period}). Prix : {price}.\nSuivez votre demande, imprimez le devis ou annulez avec ce lien personnel :\n{link}\n\nNous vous répondons sous deux jours ouvrés.", "Hello {name},\n\nWe received your request to rent the meeting room for {organisation} on {date} ({period}). Price: {price}.\nFollow your request, print the quote or cancel with this personal link:\n{link}\n\nWe answer within two working days.";
    EmailRentalApprovedSubject => "Silicon Kerne : la salle est réservée pour vous le {date}", "Silicon Kerne: the room is booked for you on {date}";
    EmailRentalApprovedBody => "Bonjour {name},\n\nBonne nouvelle : la salle de réunion est réservée pour {organisation} le {date} ({period}).\nVotre devis et votre réservation restent consultables avec le lien personnel reçu lors de votre demande.\n\nÀ bientôt à la cantine !", "Hello {name},\n\nGood news: the meeting room is booked for {organisation} on {date} ({period}).\nYour quote and booking remain available with the personal link you received with your request.\n\nSee you at Silicon Kerne!";
    EmailRentalDeclinedSubject => "Silicon Kerne : votre demande de location de salle", "Silicon Kerne: your meeting room request";
    EmailRentalDeclinedBody => "Bonjour {name},\n\nNous ne pouvons pas vous louer la salle le {date}.\nMotif : {reason}\n\nN'hésitez pas à proposer une autre date.", "Hello {name},\n\nWe cannot rent you the room on {date}.\nReason: {reason}\n\nFeel free to suggest another date.";
    // The audit log, one sentence per entry
    AuditApprove => "{actor} a accepté la demande d'adhésion envoyée par {target}.", "{actor} approved the membership application from {target}.";
    AuditDecline => "{actor} a refusé la demande d'adhésion envoyée par {target} : {reason}.", "{actor} declined the membership application from {target}: {reason}.";
    AuditRentalApprove => "{actor} a accepté la location de la salle demandée par {target}.", "{actor} approved the room rental asked for by {target}.";
    AuditRentalDecline => "{actor} a refusé la location de la salle demandée par {target} : {reason}.", "{actor} declined the room rental asked for by {target}: {reason}.";
    AuditOnBehalf => "{actor} a réservé pour {target} {when}.", "{actor} booked for {target} {when}.";
    AuditCheckIn => "{actor} a pointé {target} à son arrivée.", "{actor} checked {target} in.";
    AuditUndoCheckIn => "{actor} a annulé le pointage pour {target}.", "{actor} undid the check-in of {target}.";
    AuditNoShow => "{actor} a noté une absence : {target}.", "{actor} marked {target} as absent.";
    AuditCancel => "{actor} a annulé une réservation pour {target}.", "{actor} cancelled a booking of {target}.";
    AuditBlock => "{actor} a bloqué « {target} » {when} : {reason}.", "{actor} blocked “{target}” {when}: {reason}.";
    AuditUnblock => "{actor} a débloqué « {target} » {when}.", "{actor} unblocked “{target}” {when}.";
    AuditPayment => "{actor} a enregistré une cotisation pour {target} : {amount} {method}, adhésion jusqu'au {until}.", "{actor} recorded a fee for {target}: {amount} {method}, membership until {until}.";
    AuditRole => "{actor} a donné le rôle « {role} » à {target}.", "{actor} gave {target} the role “{role}”.";
    AuditDeactivate => "{actor} a désactivé un compte : {target}.", "{actor} deactivated the account of {target}.";
    AuditClosureAdd => "{actor} a fermé la cantine le {date} : {reason}.", "{actor} closed Silicon Kerne on {date}: {reason}.";
    AuditClosureRemove => "{actor} a rouvert la cantine le {date}.", "{actor} reopened Silicon Kerne on {date}.";
    AuditSetting => "{actor} a modifié le réglage « {setting} ».", "{actor} changed the setting “{setting}”.";
    AuditSettingChange => "{actor} a modifié le réglage « {setting} » : {before} → {after}.", "{actor} changed the setting “{setting}”: {before} → {after}.";
    AuditDays => "{n} jours", "{n} days";
    AuditRatesValue => "adhérents {mh} la demi-journée, {md} la journée ; autres {oh} / {od}", "members {mh} a half-day, {md} a day; others {oh} / {od}";
    AuditRulesValue => "{horizon} jours à l'avance, salle {quota} par semaine, annulation {notice} h avant", "{horizon} days ahead, room {quota} a week, cancel {notice} h before";
    AuditConsultationAssign => "{actor} a proposé la demande de consultation n° {id} à {member}.", "{actor} offered consultation request no. {id} to {member}.";
    AuditConsultationAccept => "{actor} a accepté la demande de consultation n° {id}.", "{actor} accepted consultation request no. {id}.";
    AuditConsultationGiveBack => "{actor} a rendu la demande de consultation n° {id} : {reason}.", "{actor} gave back consultation request no. {id}: {reason}.";
    AuditConsultationSchedule => "{actor} a fixé le rendez-vous de la demande de consultation n° {id} {when}.", "{actor} set the appointment of consultation request no. {id} {when}.";
    AuditConsultationUnsuitable => "{actor} : le rendez-vous de la demande de consultation n° {id} ne convient pas au demandeur.", "{actor}: the appointment of consultation request no. {id} does not suit the requester.";
    AuditConsultationDone => "{actor} a clos la demande de consultation n° {id} : réalisée.", "{actor} closed consultation request no. {id}: done.";
    AuditConsultationDeclined => "{actor} a refusé la demande de consultation n° {id}.", "{actor} declined consultation request no. {id}.";
    AuditConsultationErase => "{actor} a annulé et effacé la demande de consultation n° {id}.", "{actor} cancelled and erased consultation request no. {id}.";
    AuditTopicSave => "{actor} a enregistré le thème de consultation « {label} ».", "{actor} saved the consultation topic “{label}”.";
    AuditLibraryCreate => "{actor} a créé la ressource « {title} ».", "{actor} created the resource “{title}”.";
    AuditLibraryUpdate => "{actor} a modifié la ressource « {title} ».", "{actor} edited the resource “{title}”.";
    AuditOther => "{actor} : {action}.", "{actor}: {action}.";
    AuditSomeone => "une personne dont les données ont été effacées", "someone whose data was erased";
    AuditOnDay => "le {date}, {from}–{to}", "on {date}, {from}–{to}";
    AuditFromTo => "du {from} au {to}", "from {from} to {to}";
    SettingNameHours => "horaires d'ouverture", "opening hours";
    SettingNameRules => "règles de réservation", "booking rules";
    SettingNameRates => "tarifs de la salle", "room rates";
    SettingNameBudget => "budget annuel", "yearly budget";
    SettingNameFee => "cotisation annuelle", "yearly membership fee";
    SettingNameTarget => "objectif annuel de locations", "yearly room-rental target";
    SettingNameLegal => "identifiants de l'association", "the association's identifiers";
    SettingNameOther => "autre", "other";
    MethodCash => "en espèces", "in cash";
    MethodCheque => "par chèque", "by cheque";
    MethodTransfer => "par virement", "by transfer";
    MethodCard => "par carte", "by card";
    RoleAdmin => "administrateur", "administrator";
    RoleStaff => "équipe", "staff";
    RoleMember => "adhérent", "member";
    PeriodMorning => "matinée", "morning";
    PeriodAfternoon => "après-midi", "afternoon";
    PeriodDay => "journée", "full day";
    QuoteRoomHalfDay => "Location de la salle de réunion avec visioconférence, demi-journée", "Meeting room with videoconferencing, half-day";
    QuoteRoomDay => "Location de la salle de réunion avec visioconférence, journée", "Meeting room with videoconferencing, full day";
    ErrRentalCannotCancel => "Cette demande ne peut plus être annulée en ligne : contactez-nous.", "This request can no longer be cancelled online: contact us.";
    EmailRenewalSoonSubject => "Silicon Kerne : votre adhésion se termine le {until}", "Silicon Kerne: your membership ends on {until}";
    EmailRenewalSoonBody => "Bonjour {name},\n\nVotre adhésion à Silicon Kerne se termine le {until}. Pour la renouveler, passez voir le concierge ou réglez votre cotisation par virement.{transfer}\n\nMerci de votre soutien !", "Hello {name},\n\nYour membership of Silicon Kerne ends on {until}. To renew it, see the concierge or pay your fee by bank transfer.{transfer}\n\nThank you for your support!";
    EmailExpiredSubject => "Silicon Kerne : votre adhésion a pris fin", "Silicon Kerne: your membership has ended";
    EmailExpiredBody => "Bonjour {name},\n\nVotre adhésion à Silicon Kerne a pris fin le {until}. Renouvelez-la auprès du concierge ou par virement pour continuer à réserver un poste ou la salle.{transfer}\n\nÀ bientôt !", "Hello {name},\n\nYour membership of Silicon Kerne ended on {until}. Renew it with the concierge or by bank transfer to keep booking a desk or the room.{transfer}\n\nSee you soon!";
    EmailTransferLine => "\n\nVirement : IBAN {iban}, au nom de Silicon Kerne, en indiquant votre nom.", "\n\nBank transfer: IBAN {iban}, to Silicon Kerne, with your name as the reference.";
}
}

/// Weekday names, Monday first.
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    const FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::Fr => FR[i],
        Lang::En => EN[i],
    }
}

pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Fr => FR[i],
        Lang::En => EN[i],
    }
}

/// The day of the month as each language writes it before the month: French writes the first
/// "1er" ("mardi 1er décembre"), English "1".
pub fn day_of_month(day: u32, lang: Lang) -> String {
    match (lang, day) {
        (Lang::Fr, 1) => "1er".to_string(),
        _ => day.to_string(),
    }
}

/// "mardi 8 décembre 2026" / "Tuesday 8 December 2026".
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday(), lang),
        day_of_month(date.day(), lang),
        month_name(date.month(), lang),
        date.year()
    )
}

/// "mardi 8 décembre, 18:30" / "Tuesday 8 December, 18:30".
pub fn format_datetime_short(at: NaiveDateTime, lang: Lang) -> String {
    let d = at.date();
    format!(
        "{} {} {}, {}",
        weekday_name(d.weekday(), lang),
        day_of_month(d.day(), lang),
        month_name(d.month(), lang),
        at.format("%H:%M")
    )
}

/// "30 min", "1 h", "1 h 30"
pub fn hours_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        // Nothing reads as hours beside other hours ("0 h", "102 h"), not "0 min".
        (0, 0) => "0 h".to_string(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

/// Euros from cents, the way each language writes them: "1 234,50 €" / "€1,234.50".
/// "18 %" in French (a non-breaking space before the sign), "18%" in English.
pub fn format_percent(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{n}\u{a0}%"),
        Lang::En => format!("{n}%"),
    }
}

pub fn format_euros(cents: i64, lang: Lang) -> String {
    let negative = cents < 0;
    let cents = cents.unsigned_abs();
    let (units, rest) = (cents / 100, cents % 100);
    let sep = if lang == Lang::Fr { '\u{202f}' } else { ',' };
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    match (lang, rest) {
        (Lang::Fr, 0) => format!("{sign}{grouped}\u{a0}€"),
        (Lang::Fr, r) => format!("{sign}{grouped},{r:02}\u{a0}€"),
        (Lang::En, 0) => format!("{sign}€{grouped}"),
        (Lang::En, r) => format!("{sign}€{grouped}.{r:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(hours_minutes(30), "30 min");
        assert_eq!(hours_minutes(120), "2 h");
        assert_eq!(hours_minutes(90), "1 h 30");
    }

    #[test]
    fn a_share_reads_as_each_language_writes_it() {
        assert_eq!(format_percent(18, Lang::Fr), "18\u{a0}%");
        assert_eq!(format_percent(18, Lang::En), "18%");
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_known_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,fr;q=0.5,en;q=0.4"),
            Lang::Fr
        );
        assert_eq!(Lang::from_accept_language("de-DE"), Lang::Fr);
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
    }

    #[test]
    fn every_message_is_translated_and_differs_where_it_should() {
        for m in ApiMsg::ALL {
            assert!(!m.text(Lang::Fr).is_empty(), "{m:?} has no French text");
            assert!(!m.text(Lang::En).is_empty(), "{m:?} has no English text");
        }
        assert_ne!(ApiMsg::ALL[0].text(Lang::Fr), ApiMsg::ALL[0].text(Lang::En));
    }

    #[test]
    fn placeholders_are_filled() {
        let s = fill(
            "Ouvert aujourd'hui de {open} à {close}",
            &[("open", "09:00"), ("close", "18:00")],
        );
        assert_eq!(s, "Ouvert aujourd'hui de 09:00 à 18:00");
    }

    #[test]
    fn dates_and_money_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 8).expect("date");
        assert_eq!(format_date_long(d, Lang::Fr), "mardi 8 décembre 2026");
        assert_eq!(format_date_long(d, Lang::En), "Tuesday 8 December 2026");
        // French writes the first of the month "1er".
        let first = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        assert_eq!(format_date_long(first, Lang::Fr), "mardi 1er décembre 2026");
        assert_eq!(format_date_long(first, Lang::En), "Tuesday 1 December 2026");
        assert_eq!(format_euros(6_000_000, Lang::Fr), "60\u{202f}000\u{a0}€");
        assert_eq!(format_euros(12_050, Lang::En), "€120.50");
        assert_eq!(format_euros(99, Lang::Fr), "0,99\u{a0}€");
    }
}
