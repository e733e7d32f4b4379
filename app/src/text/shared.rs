//! Strings of the page frame, the forms and the components every bundle shares.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the page frame, the forms and the components every bundle shares.
SharedText {
    // Shell
    SiteTagline => "La cantine numérique de Quimper", "Quimper's digital canteen";
    SkipToContent => "Aller au contenu", "Skip to content";
    Menu => "Menu", "Menu";
    CloseMenu => "Fermer le menu", "Close menu";
    MainNavigation => "Navigation principale", "Main navigation";
    SwitchLanguage => "English", "Français";
    NavHome => "Accueil", "Home";
    NavCoworking => "Coworking", "Coworking";
    NavRoom => "Salle de réunion", "Meeting room";
    NavClubs => "Clubs", "Clubs";
    NavEducation => "E-éducation", "E-education";
    NavPartners => "Partenaires", "Partners";
    NavAbout => "L'association", "About us";
    NavJoin => "Adhérer", "Join";
    FooterContact => "Nous trouver", "Find us";
    FooterAssociation => "Association loi 1901, à Quimper (Finistère).", "A non-profit association in Quimper (Finistère).";
    Email => "Courriel\u{a0}:", "Email:";
    Phone => "Téléphone\u{a0}:", "Phone:";
    Website => "Site web\u{a0}:", "Website:";
    Loading => "Chargement…", "Loading…";
    LoadError => "Impossible de charger ces informations. Vérifiez votre connexion puis réessayez.", "We could not load this information. Check your connection and try again.";
    Retry => "Réessayer", "Try again";
    // Menu
    NavLogin => "Connexion", "Log in";
    NavMyArea => "Mon espace", "My area";
    NavDirectory => "Annuaire", "Directory";
    NavStaff => "Gestion", "Staff";
    // Forms
    Optional => " (facultatif)", " (optional)";
    NetworkError => "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.", "The server does not answer. Check your connection and try again.";
    FieldName => "Nom et prénom", "Full name";
    FieldEmail => "Adresse e-mail", "Email address";
    FieldPhone => "Téléphone", "Phone";
    FieldCompany => "Entreprise ou métier", "Company or trade";
    FieldSkills => "Compétences", "Skills";
    SkillsHint => "Séparées par des virgules, par exemple : graphisme, e-commerce, photo.", "Separated by commas, for example: graphic design, e-commerce, photography.";
    FieldMotivation => "Pourquoi souhaitez-vous adhérer ?", "Why do you want to join?";
    FieldClubs => "Clubs qui vous intéressent", "Clubs you are interested in";
    FieldConsent => "J'accepte la politique de données de l'association.", "I accept the association's data policy.";
    FieldPassword => "Mot de passe", "Password";
    FieldNewPassword => "Nouveau mot de passe", "New password";
    PasswordHint => "10 caractères au moins. Une phrase facile à retenir fait un bon mot de passe.", "At least 10 characters. A sentence you remember easily makes a good password.";
    FieldBio => "Quelques mots sur vous", "A few words about you";
    FieldInDirectory => "Apparaître dans l'annuaire des adhérents", "Appear in the members' directory";
    Cancel => "Annuler", "Cancel";
    // Login and passwords
    LoginNeeded => "Cette page est réservée aux adhérents. Connectez-vous pour y accéder.", "This page is for members. Log in to see it.";
    NoAccess => "Cette page est réservée à l'équipe de la cantine.", "This page is for the cantine's staff.";
    SavePassword => "Enregistrer le mot de passe", "Save the password";
    LinkIncomplete => "Ce lien est incomplet. Copiez-le en entier depuis le courriel, ou demandez-en un nouveau.", "This link is incomplete. Copy all of it from the email, or ask for a new one.";
    AskNewLink => "Demander un nouveau lien", "Ask for a new link";
    // Member area
    MembershipActive => "Adhésion active jusqu'au {date}.", "Membership active until {date}.";
    MembershipExpired => "Adhésion expirée depuis le {date}.", "Membership expired since {date}.";
    MembershipNone => "Aucune cotisation enregistrée pour le moment.", "No membership fee recorded yet.";
    // Directory and search
    SearchText => "Nom, entreprise ou e-mail", "Name, company or email";
    FieldSkill => "Compétence", "Skill";
    FieldClub => "Club", "Club";
    AllClubs => "Tous les clubs", "All clubs";
    FieldMembership => "Adhésion", "Membership";
    AllStatuses => "Toutes", "All";
    StatusActive => "Active", "Active";
    StatusExpired => "Expirée", "Expired";
    StatusNone => "Jamais réglée", "Never paid";
    StatusDeactivated => "Compte désactivé", "Account deactivated";
    Search => "Rechercher", "Search";
    NoResults => "Aucun adhérent ne correspond.", "No member matches.";
    ResultCountOne => "{count} résultat", "{count} result";
    ResultCount => "{count} résultats", "{count} results";
    // Booking calendar
    NavBook => "Réserver", "Book";
    NavMyBookings => "Mes réservations", "My bookings";
    BookTitle => "Réserver un poste ou la salle", "Book a desk or the room";
    Desk => "Poste de coworking", "Coworking desk";
    Room => "Salle de réunion", "Meeting room";
    PreviousDay => "Veille", "Previous day";
    NextDay => "Lendemain", "Next day";
    FieldDate => "Date", "Date";
    ClosedThatDay => "La cantine est fermée ce jour-là.", "The cantine is closed that day.";
    PeriodMorning => "Matinée", "Morning";
    PeriodAfternoon => "Après-midi", "Afternoon";
    PeriodDay => "Journée", "Full day";
    PlacesLeftOne => "{count} place libre", "{count} free place";
    PlacesLeft => "{count} places libres", "{count} free places";
    Full => "Complet", "Full";
    DeskOn => "Réserver un poste : {when} ?", "Book a desk: {when}?";
    ConfirmBooking => "Confirmer la réservation", "Confirm the booking";
    Booked => "C'est réservé :", "Booked:";
    StartTime => "Heure de début", "Start time";
    CheckedIn => "Présent", "Checked in";
    KeepBooking => "Non, garder", "No, keep it";
    // Room rental
    FieldOrganisation => "Entreprise ou organisation", "Company or organisation";
    FieldPeriod => "Créneau", "Time slot";
    FieldAttendees => "Nombre de participants", "Number of attendees";
    FieldMessage => "Message", "Message";
    Price => "Prix :", "Price:";
    RentalPending => "En attente de réponse", "Awaiting an answer";
    RentalApproved => "Acceptée : la salle est réservée", "Approved: the room is booked";
    RentalDeclined => "Refusée", "Declined";
    RentalCancelled => "Annulée", "Cancelled";
}
}
