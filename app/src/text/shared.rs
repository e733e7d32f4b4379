//! Strings of the page frame, the forms and the components every bundle shares.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the page frame, the forms and the components every bundle shares.
SharedText {
    // Shell
    SiteTagline => "La cantine numérique de Quimper", "Quimper's digital canteen";
    SkipToContent => "Aller au contenu", "Skip to content";
    Menu => "Menu", "Menu";
    MainNavigation => "Navigation principale", "Main navigation";
    SwitchLanguage => "English", "Français";
    NavHome => "Accueil", "Home";
    NavCoworking => "Coworking", "Coworking";
    NavRoom => "Salle de réunion", "Meeting room";
    NavClubs => "Clubs", "Clubs";
    NavEducation => "E-éducation", "E-education";
    NavAgenda => "Agenda", "Agenda";
    NavBusiness => "Entreprises", "Businesses";
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
    NothingHere => "Ce lien est inconnu ou a expiré. Vérifiez qu'il est complet, ou repartez de l'accueil.", "This link is unknown or has expired. Check that it is complete, or start again from the home page.";
    VatNote => "Association non assujettie à la TVA : prix nets, TVA non applicable (article 293 B du CGI).", "The association does not charge VAT: net prices, VAT not applicable (article 293 B of the French tax code).";
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundText => "Cette page n'existe pas ou a été déplacée.", "This page does not exist or has moved.";
    BackHome => "Retour à l'accueil", "Back to the home page";
    // Menu
    NavLogin => "Connexion", "Log in";
    NavMyArea => "Mon espace", "My area";
    NavDirectory => "Annuaire", "Directory";
    NavStaff => "Gestion", "Staff";
    LogOut => "Se déconnecter", "Log out";
    // Forms
    Optional => " (facultatif)", " (optional)";
    NetworkError => "Le serveur ne répond pas : rien n'a été enregistré. Vérifiez votre connexion puis réessayez.", "The server does not answer: nothing was saved. Check your connection and try again.";
    FieldsInvalid => "Certains champs sont invalides.", "Some fields are invalid.";
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
    FieldBio => "Quelques mots sur vous", "A few words about you";
    Cancel => "Annuler", "Cancel";
    // Login and passwords
    // Member area
    // Directory and search
    // Booking calendar
    NavBook => "Réserver", "Book";
    NavMyBookings => "Mes réservations", "My bookings";
    BookTitle => "Réserver un poste ou la salle", "Book a desk or the room";
    FieldDate => "Date", "Date";
    PeriodMorning => "Matinée", "Morning";
    PeriodAfternoon => "Après-midi", "Afternoon";
    PeriodDay => "Journée", "Full day";
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
