//! Strings that members' and staff pages share, and that the guest bundle never shows: the
//! membership line, the directory and member search, the booking calendar, the login gate.
//! A missing translation does not compile.

domain::messages! {
/// Strings that members' and staff pages share, never shown to a guest.
AccountText {
    FieldInDirectory => "Apparaître dans l'annuaire des adhérents", "Appear in the members' directory";
    LoginNeeded => "Cette page est réservée aux adhérents. Connectez-vous pour y accéder.", "This page is for members. Log in to see it.";
    StaffLoginNeeded => "Cette page est réservée à l'équipe de Silicon Kerne. Connectez-vous pour y accéder.", "This page is for the staff of Silicon Kerne. Log in to see it.";
    NoAccess => "Cette page est réservée à l'équipe de la cantine.", "This page is for the staff of Silicon Kerne.";
    MembershipActive => "Adhésion active jusqu'au {date}.", "Membership active until {date}.";
    MembershipExpired => "Adhésion expirée depuis le {date}.", "Membership expired since {date}.";
    MembershipNone => "Aucune cotisation enregistrée pour le moment.", "No membership fee recorded yet.";
    SearchText => "Nom, entreprise ou e-mail", "Name, company or email";
    FieldSkill => "Compétence", "Skill";
    FieldClub => "Club", "Club";
    AllClubs => "Tous les clubs", "All clubs";
    FieldMembership => "Adhésion", "Membership";
    AllStatuses => "Toutes", "All";
    StatusActive => "Adhérents à jour", "Paid-up members";
    StatusEndsSoon => "Fin dans les 30 jours", "Ends within 30 days";
    StatusLapsed => "Échue sur la période, non renouvelée", "Ended in the period, not renewed";
    AdherentMeans => "À jour : la cotisation couvre aujourd'hui (comptes de l'équipe à part), comme sur la page d'accueil et dans les statistiques.", "Paid-up: the fee covers today (staff accounts aside), as on the home page and in the statistics.";
    FieldSort => "Trier par", "Sort by";
    SortName => "Nom", "Name";
    SortEnd => "Fin de cotisation", "End of fee";
    StatusExpired => "Expirée", "Expired";
    StatusNone => "Jamais réglée", "Never paid";
    StatusDeactivated => "Compte désactivé", "Account deactivated";
    Search => "Rechercher", "Search";
    NoResults => "Aucun adhérent ne correspond.", "No member matches.";
    ResultCountOne => "{count} résultat", "{count} result";
    ResultCount => "{count} résultats", "{count} results";
    TheirBookings => "Voir les réservations de cet adhérent", "See this member's bookings";
    Desk => "Poste de coworking", "Coworking desk";
    Room => "Salle de réunion", "Meeting room";
    PreviousDay => "Veille", "Previous day";
    NextDay => "Lendemain", "Next day";
    ClosedThatDay => "La cantine est fermée ce jour-là.", "Silicon Kerne is closed that day.";
    PlacesLeftOne => "{count} place libre", "{count} free place";
    PlacesLeft => "{count} places libres", "{count} free places";
    Started => "Déjà commencé", "Already started";
    SlotPast => "passé", "past";
    SlotTaken => "occupé", "taken";
    Full => "Complet", "Full";
    DeskOn => "Réserver un poste : {when} ?", "Book a desk: {when}?";
    ConfirmBooking => "Confirmer la réservation", "Confirm the booking";
    Booked => "C'est réservé :", "Booked:";
    StartTime => "Heure de début", "Start time";
    CheckedIn => "Présent", "Checked in";
}
}
