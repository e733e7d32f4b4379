//! The member portal's and staff pages' strings (accounts, membership, directory, staff).
//! Same mechanism as [`crate::i18n::Msg`]: a missing translation does not compile.

crate::messages! {
/// Strings of the member area, the account pages and the staff pages.
Ui {
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
    DataPolicy => "Silicon Kerne utilise ces informations uniquement pour examiner votre demande et gérer votre adhésion ; elles ne sont jamais cédées. Une fois adhérent, vous pouvez les exporter ou les supprimer depuis votre espace.", "Silicon Kerne uses this information only to review your application and manage your membership; it is never passed on. Once a member, you can export or delete it from your area.";
    FieldPassword => "Mot de passe", "Password";
    FieldNewPassword => "Nouveau mot de passe", "New password";
    PasswordHint => "10 caractères au moins. Une phrase facile à retenir fait un bon mot de passe.", "At least 10 characters. A sentence you remember easily makes a good password.";
    FieldBio => "Quelques mots sur vous", "A few words about you";
    FieldInDirectory => "Apparaître dans l'annuaire des adhérents", "Appear in the members' directory";
    FieldLanguage => "Langue des courriels et du site", "Language of emails and of the site";
    Yes => "Oui", "Yes";
    No => "Non", "No";
    Cancel => "Annuler", "Cancel";

    // Join
    JoinLead => "Remplissez ce formulaire : le concierge examine votre demande et vous répond par courriel.", "Fill in this form: the concierge reviews your application and answers by email.";
    SendApplication => "Envoyer ma demande", "Send my application";
    ApplicationSentTitle => "Demande envoyée, merci !", "Application sent, thank you!";
    ApplicationSentText => "Nous avons bien reçu votre demande d'adhésion. Un courriel de confirmation part vers {email} ; le concierge vous répond très vite.", "We received your membership application. A confirmation email is on its way to {email}; the concierge will answer soon.";

    // Login and passwords
    LoginTitle => "Connexion", "Log in";
    LogIn => "Se connecter", "Log in";
    ForgotPassword => "Mot de passe oublié ?", "Forgot your password?";
    NotAMemberYet => "Pas encore adhérent ?", "Not a member yet?";
    ApplyToJoin => "Demander à adhérer", "Apply to join";
    LoginNeeded => "Cette page est réservée aux adhérents. Connectez-vous pour y accéder.", "This page is for members. Log in to see it.";
    NoAccess => "Cette page est réservée à l'équipe de la cantine.", "This page is for the cantine's staff.";
    ForgotTitle => "Mot de passe oublié", "Forgotten password";
    ForgotLead => "Indiquez l'adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe, valable une heure.", "Give your account's email address: we send you a link to choose a new password, valid for one hour.";
    SendResetLink => "Recevoir le lien", "Send me the link";
    ResetLinkSent => "Si un compte existe pour {email}, un courriel vient de partir avec un lien valable une heure. Pensez à regarder dans les indésirables.", "If an account exists for {email}, an email is on its way with a link valid for one hour. Check your spam folder too.";
    NewPasswordTitle => "Choisir un nouveau mot de passe", "Choose a new password";
    InvitationTitle => "Bienvenue à Silicon Kerne", "Welcome to Silicon Kerne";
    InvitationLead => "Votre adhésion est acceptée. Choisissez votre mot de passe pour accéder à votre espace.", "Your membership is accepted. Choose your password to open your area.";
    SavePassword => "Enregistrer le mot de passe", "Save the password";
    LinkIncomplete => "Ce lien est incomplet. Copiez-le en entier depuis le courriel, ou demandez-en un nouveau.", "This link is incomplete. Copy all of it from the email, or ask for a new one.";
    AskNewLink => "Demander un nouveau lien", "Ask for a new link";

    // Member area
    MembershipTitle => "Mon adhésion", "My membership";
    MembershipActive => "Adhésion active jusqu'au {date}.", "Membership active until {date}.";
    MembershipExpired => "Adhésion expirée depuis le {date}.", "Membership expired since {date}.";
    MembershipNone => "Aucune cotisation enregistrée pour le moment.", "No membership fee recorded yet.";
    HowToRenew => "Pour renouveler votre adhésion, passez voir le concierge à la cantine (espèces, chèque ou carte) ou réglez votre cotisation par virement bancaire : elle est enregistrée dès réception.", "To renew your membership, see the concierge at the cantine (cash, cheque or card) or pay your fee by bank transfer: it is recorded as soon as it arrives.";
    RenewLater => "Vous recevrez un rappel par courriel 30 jours et 7 jours avant la fin de votre adhésion.", "You will get a reminder by email 30 days and 7 days before your membership ends.";
    ProfileTitle => "Mon profil", "My profile";
    LoggedInAs => "Connecté avec {email}", "Logged in as {email}";
    SaveProfile => "Enregistrer mon profil", "Save my profile";
    ProfileSaved => "Profil enregistré.", "Profile saved.";
    MyClubsTitle => "Mes clubs", "My clubs";
    JoinClub => "Rejoindre {club}", "Join {club}";
    LeaveClub => "Quitter {club}", "Leave {club}";
    YouAreIn => "membre", "member";
    MyDataTitle => "Mes données", "My data";
    ExportLead => "Téléchargez tout ce que le portail sait de vous, dans un fichier JSON.", "Download everything the portal holds about you, as a JSON file.";
    ExportData => "Exporter mes données", "Export my data";
    LogOut => "Se déconnecter", "Log out";
    DeleteAccountTitle => "Supprimer mon compte", "Delete my account";
    DeleteAccountLead => "Vos données personnelles sont effacées. Seules les traces comptables que l'association doit garder sont conservées, sans votre identité.", "Your personal data is erased. Only the accounting records the association must keep are kept, without your identity.";
    DeleteAccount => "Supprimer mon compte…", "Delete my account…";
    DeleteAccountConfirm => "Supprimer définitivement votre compte ? Cette action ne peut pas être annulée.", "Delete your account for good? This cannot be undone.";
    DeleteAccountYes => "Oui, supprimer mon compte", "Yes, delete my account";

    // Directory and search
    DirectoryLead => "Les adhérents qui ont choisi d'y apparaître. Cherchez une compétence ou un club pour trouver la bonne personne.", "Members who chose to appear here. Search for a skill or a club to find the right person.";
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
    ResultCount => "{count} résultat(s)", "{count} result(s)";
    ClubsLabel => "Clubs :", "Clubs:";

    // Staff
    StaffNavigation => "Pages de gestion", "Staff pages";
    StaffApplications => "Demandes", "Applications";
    StaffMembers => "Adhérents", "Members";
    StaffOutbox => "Courriels", "Emails";
    StaffAudit => "Journal", "Audit log";
    StaffApplicationsTitle => "Demandes d'adhésion", "Membership applications";
    StaffMembersTitle => "Adhérents", "Members";
    StaffMemberTitle => "Fiche adhérent", "Member record";
    StaffOutboxTitle => "Courriels envoyés", "Outgoing emails";
    StaffAuditTitle => "Journal des actions", "Audit log";
    NoPendingApplications => "Aucune demande en attente.", "No pending applications.";
    Received => "Reçue", "Received";
    Approve => "Approuver", "Approve";
    Decline => "Refuser", "Decline";
    FieldDeclineReason => "Motif du refus (envoyé à la personne)", "Reason (sent to the applicant)";
    ConfirmDecline => "Confirmer le refus", "Confirm the refusal";
    ApplicationApproved => "Demande de {name} approuvée : l'invitation est partie.", "{name}'s application approved: the invitation is on its way.";
    ApplicationDeclined => "Demande de {name} refusée.", "{name}'s application declined.";
    FieldRole => "Rôle", "Role";
    RoleMember => "Adhérent", "Member";
    RoleStaff => "Équipe", "Staff";
    RoleAdmin => "Administrateur", "Administrator";
    ChangeRole => "Changer le rôle", "Change the role";
    MemberSince => "Inscrit le", "Member since";
    PaymentsTitle => "Cotisations", "Membership fees";
    NoPayments => "Aucune cotisation enregistrée.", "No fee recorded.";
    PaidOn => "Réglée le {date}, enregistrée par {by}", "Paid on {date}, recorded by {by}";
    Covers => "Du {start} au {end}", "From {start} to {end}";
    RecordPaymentTitle => "Enregistrer une cotisation", "Record a membership fee";
    FieldAmount => "Montant en euros", "Amount in euros";
    AmountHint => "Par exemple 30 ou 12,50.", "For example 30 or 12.50.";
    // An amount the app cannot read, refused before any request, in the API's own words.
    FieldsInvalid => "Certains champs sont invalides.", "Some fields are invalid.";
    AmountUnreadable => "Le montant doit être compris entre 0 et 10 000 €.", "The amount must be between €0 and €10,000.";
    FieldPaidOn => "Date du règlement", "Date paid";
    FieldMethod => "Moyen de paiement", "Payment method";
    MethodCash => "Espèces", "Cash";
    MethodCheque => "Chèque", "Cheque";
    MethodTransfer => "Virement", "Bank transfer";
    MethodCard => "Carte", "Card";
    RecordPayment => "Enregistrer", "Record";
    PaymentRecorded => "Cotisation enregistrée : adhésion active jusqu'au {end}.", "Fee recorded: membership active until {end}.";
    DeactivateTitle => "Désactiver le compte", "Deactivate the account";
    DeactivateLead => "La personne ne peut plus se connecter ; ses sessions sont fermées. Son historique reste.", "The person can no longer log in; their sessions are closed. Their history stays.";
    Deactivate => "Désactiver…", "Deactivate…";
    DeactivateConfirm => "Désactiver ce compte maintenant ?", "Deactivate this account now?";
    DeactivateYes => "Oui, désactiver", "Yes, deactivate";
    OutboxLead => "Tous les courriels du portail, les plus récents d'abord. En local, rien ne part : les liens d'invitation et de réinitialisation se lisent ici.", "Every email of the portal, newest first. Locally nothing is sent: read the invitation and reset links here.";
    OutboxEmpty => "Aucun courriel pour le moment.", "No emails yet.";
    EmailTo => "À : {to}", "To: {to}";
    AuditEmpty => "Aucune action enregistrée.", "No actions recorded.";

    // Booking calendar
    NavBook => "Réserver", "Book";
    NavMyBookings => "Mes réservations", "My bookings";
    BookTitle => "Réserver un poste ou la salle", "Book a desk or the room";
    QuickBookTitle => "Réserver un poste", "Book a desk";
    Today => "Aujourd'hui", "Today";
    NextOpenDay => "Prochain jour d'ouverture", "Next open day";
    MoreDays => "Autres jours, et la salle de réunion", "Other days, and the meeting room";
    WhatToBook => "Que réserver ?", "What to book?";
    Desk => "Poste de coworking", "Coworking desk";
    Room => "Salle de réunion", "Meeting room";
    View => "Affichage", "View";
    DayView => "Jour", "Day";
    WeekView => "Semaine", "Week";
    PreviousDay => "Veille", "Previous day";
    NextDay => "Lendemain", "Next day";
    PreviousWeek => "Semaine précédente", "Previous week";
    NextWeek => "Semaine suivante", "Next week";
    FieldDate => "Date", "Date";
    Closed => "Fermé", "Closed";
    ClosedThatDay => "La cantine est fermée ce jour-là.", "The cantine is closed that day.";
    PeriodMorning => "Matinée", "Morning";
    PeriodAfternoon => "Après-midi", "Afternoon";
    PeriodDay => "Journée", "Full day";
    PlacesLeft => "{count} place(s) libre(s)", "{count} place(s) left";
    Full => "Complet", "Full";
    DeskOn => "Réserver un poste : {when} ?", "Book a desk: {when}?";
    RoomOn => "Réserver la salle de réunion : {when} ?", "Book the meeting room: {when}?";
    ConfirmBooking => "Confirmer la réservation", "Confirm the booking";
    Booked => "C'est réservé :", "Booked:";
    StartTime => "Heure de début", "Start time";
    EndTime => "Heure de fin", "End time";
    Duration => "Durée", "Duration";
    WeekDesks => "Matin : {morning} place(s) · après-midi : {afternoon} place(s)", "Morning: {morning} place(s) · afternoon: {afternoon} place(s)";
    WeekRoom => "Salle libre : {free}", "Room free: {free}";
    Upcoming => "À venir", "Upcoming";
    PastBookings => "Passées et annulées", "Past and cancelled";
    NoUpcomingBookings => "Aucune réservation à venir.", "No upcoming bookings.";
    Cancelled => "Annulée", "Cancelled";
    CheckedIn => "Présent", "Checked in";
    AddToCalendar => "Ajouter à mon agenda (.ics)", "Add to my calendar (.ics)";
    CancelBooking => "Annuler la réservation…", "Cancel the booking…";
    CancelBookingQuestion => "Annuler cette réservation ? La place sera libérée pour un autre adhérent.", "Cancel this booking? The place goes back to other members.";
    CancelBookingYes => "Oui, annuler", "Yes, cancel";
    KeepBooking => "Non, garder", "No, keep it";
    BookingCancelled => "Réservation annulée.", "Booking cancelled.";
    FeedTitle => "Mes réservations dans mon agenda", "My bookings in my calendar";
    FeedLead => "Un lien privé d'abonnement : vos réservations apparaissent et se mettent à jour toutes seules dans votre agenda.", "A private subscription link: your bookings appear and stay up to date in your calendar.";
    FeedHowTo => "Google Agenda : « Autres agendas » › « À partir de l'URL ». Apple Calendrier : « Fichier » › « Nouvel abonnement à un calendrier ». Thunderbird : « Nouvel agenda » › « Sur le réseau ». Créer un nouveau lien désactive l'ancien.", "Google Calendar: \"Other calendars\" › \"From URL\". Apple Calendar: \"File\" › \"New Calendar Subscription\". Thunderbird: \"New Calendar\" › \"On the Network\". Creating a new link turns off the old one.";
    FeedCreate => "Créer mon lien d'agenda", "Create my calendar link";
    FeedUrl => "Votre lien d'agenda privé", "Your private calendar link";
    FeedShownOnce => "Copiez-le maintenant : il ne sera plus affiché. Ne le partagez pas.", "Copy it now: it will not be shown again. Do not share it.";
    Copy => "Copier le lien", "Copy the link";
    Copied => "Lien copié", "Link copied";

    // Room rental
    AskForTheRoom => "Demander la salle", "Ask for the room";
    RentalRequestTitle => "Demander la salle de réunion", "Ask for the meeting room";
    RentalRequestLead => "Pour une entreprise ou une association, sans compte : choisissez la date et la demi-journée ou la journée. Le prix s'affiche avant l'envoi ; nous répondons sous deux jours ouvrés.", "For a business or an association, no account needed: choose the date and the half-day or the day. The price shows before you send; we answer within two working days.";
    FieldOrganisation => "Entreprise ou organisation", "Company or organisation";
    FieldPeriod => "Créneau", "Time slot";
    FieldAttendees => "Nombre de participants", "Number of attendees";
    FieldNeedsVisio => "Nous aurons besoin de la visioconférence", "We will need the videoconference system";
    FieldMessage => "Message", "Message";
    Price => "Prix :", "Price:";
    MembersPayLess => "Tarif non-adhérent. Les adhérents paient {price}.", "Non-member rate. Members pay {price}.";
    SendRentalRequest => "Envoyer la demande", "Send the request";
    RentalSentTitle => "Demande envoyée, merci !", "Request sent, thank you!";
    RentalSentText => "Prix : {price}. Un courriel part avec votre lien personnel pour suivre la demande, imprimer le devis ou annuler.", "Price: {price}. An email is on its way with your personal link to follow the request, print the quote or cancel.";
    FollowRequest => "Suivre ma demande et voir le devis", "Follow my request and see the quote";
    RentalStatusTitle => "Votre location de salle", "Your room rental";
    RentalPending => "En attente de réponse", "Awaiting an answer";
    RentalApproved => "Acceptée : la salle est réservée", "Approved: the room is booked";
    RentalDeclined => "Refusée", "Declined";
    RentalCancelled => "Annulée", "Cancelled";
    DeclineReason => "Motif :", "Reason:";
    Print => "Imprimer", "Print";
    CancelRental => "Annuler la demande…", "Cancel the request…";
    CancelRentalQuestion => "Annuler cette location ?", "Cancel this rental?";
    CancelRentalYes => "Oui, annuler la location", "Yes, cancel the rental";
    QuoteNumber => "Devis n° {number}", "Quote no. {number}";
    QuoteIssued => "émis le {date}", "issued on {date}";
    QuoteFor => "Pour :", "For:";
    QuoteLine => "Désignation", "Description";
    QuoteQuantity => "Qté", "Qty";
    QuoteUnit => "{price} l'unité", "{price} each";
    QuoteTotal => "Total", "Total";

    // Staff: calendar
    StaffDay => "Aujourd'hui", "Today";
    StaffBookings => "Réservations", "Bookings";
    StaffOccupancy => "Occupation", "Occupancy";
    StaffRentals => "Locations", "Rentals";
    StaffDayTitle => "La journée", "The day";
    StaffBookingsTitle => "Réservations et blocages", "Bookings and blocks";
    StaffOccupancyTitle => "Occupation", "Occupancy";
    StaffRentalsTitle => "Locations de salle", "Room rentals";
    CoworkersCount => "Coworkers : {count} sur {capacity} postes", "Coworkers: {count} of {capacity} desks";
    NobodyBooked => "Aucun poste réservé.", "No desk booked.";
    RoomFree => "La salle est libre toute la journée.", "The room is free all day.";
    KindMember => "Adhérent", "Member";
    KindRental => "Location", "Rental";
    KindBlock => "Bloqué", "Blocked";
    CheckIn => "Arrivé", "Arrived";
    MarkNoShow => "Absent", "No-show";
    NoShow => "Non venu", "Did not come";
    BookOnBehalfTitle => "Réserver pour un adhérent", "Book for a member";
    FieldMember => "Adhérent", "Member";
    FieldResource => "Ressource", "Resource";
    DeskHoursHint => "Poste : 09:00–13:00, 13:00–18:00 ou 09:00–18:00. Salle : par demi-heures, 4 h au plus.", "Desk: 09:00–13:00, 13:00–18:00 or 09:00–18:00. Room: by half-hours, 4 h at most.";
    Continue => "Continuer", "Continue";
    BookForQuestion => "Réserver pour {name} : {when} ?", "Book for {name}: {when}?";
    BlockTitle => "Bloquer une ressource", "Block a resource";
    FieldFrom => "Du", "From";
    FieldUntil => "Au", "Until";
    FieldBlockReason => "Motif", "Reason";
    BlockButton => "Bloquer", "Block";
    Blocked => "Ressource bloquée.", "Resource blocked.";
    NoAffectedBookings => "Aucune réservation sur cette période.", "No bookings in that period.";
    AffectedBookings => "Ces réservations sont sur la période : prévenez ces personnes.", "These bookings fall in the period: warn these people.";
    ReturningCoworkers => "{returning} coworkers reviennent, sur {distinct} différents sur la période.", "{returning} returning coworkers, out of {distinct} different ones over the period.";
    OccupancyLine => "Matin {morning}/{capacity} · après-midi {afternoon}/{capacity} · salle {room} · arrivés {arrived}", "Morning {morning}/{capacity} · afternoon {afternoon}/{capacity} · room {room} · arrived {arrived}";
    FieldStatus => "Statut", "Status";
    NoRentals => "Aucune demande.", "No requests.";
    DecisionSaved => "Décision enregistrée : le demandeur est prévenu par courriel.", "Decision saved: the requester is told by email.";
    WithVisio => "visioconférence", "videoconferencing";
}
}

#[cfg(test)]
mod tests {
    use super::Ui;
    use crate::i18n::{ApiMsg, Lang};

    /// The app refuses an unreadable amount itself, in the words the API uses for the same refusal.
    #[test]
    fn local_refusals_say_what_the_api_says() {
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(Ui::FieldsInvalid.text(lang), ApiMsg::ErrValidation.text(lang));
            assert_eq!(Ui::AmountUnreadable.text(lang), ApiMsg::FieldAmount.text(lang));
        }
    }
}
