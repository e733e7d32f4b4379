//! Strings of the members' pages: their area, the booking calendar, their bookings, the directory.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the members' pages: their area, the booking calendar, their bookings, the directory.
MemberText {
    // The general assembly (its page is the assembly bundle's)
    AgCalledTitle => "Assemblée générale", "General assembly";
    AgCalled => "Vous êtes convoqué·e le {date} : répondez (venir, à distance, procuration)", "You are called on {date}: answer (come, remote, proxy)";
    AgCalledAnswered => "Assemblée du {date} : votre réponse, l'ordre du jour", "Assembly on {date}: your answer, the agenda";
    AgCalledProxies => "Assemblée du {date} : {n} procuration(s) à accepter ou refuser", "Assembly on {date}: {n} proxy(ies) to accept or refuse";
    // Club meetings
    MyMeetingsTitle => "Réunions de mes clubs", "My clubs' meetings";
    NoMeetings => "Aucune réunion à venir dans vos clubs.", "No upcoming meeting in your clubs.";
    ImComing => "Je viens à « {title} »", "I'm coming to “{title}”";
    NotComing => "Je ne viens plus à « {title} »", "I'm no longer coming to “{title}”";
    YouAreComing => "Vous venez", "You are coming";
    YouAreWaiting => "Liste d'attente — position {position}", "Waiting list — position {position}";
    // Offline (app/sw.js kept a copy)
    OfflineCopy => "Hors ligne : voici la dernière copie, du {date}. Réserver, annuler ou s'inscrire demande une connexion ; rien n'est mis en attente.", "Offline: this is the last copy, from {date}. Booking, cancelling or signing up needs a connection; nothing is queued.";

    // Forms
    FieldLanguage => "Langue des courriels et du site", "Language of emails and of the site";
    // Choosing a password from an email's link
    InvitationTitle => "Bienvenue à Silicon Kerne", "Welcome to Silicon Kerne";
    InvitationLead => "Votre adhésion est acceptée. Choisissez votre mot de passe pour accéder à votre espace.", "Your membership is accepted. Choose your password to open your area.";
    NewPasswordTitle => "Choisir un nouveau mot de passe", "Choose a new password";
    FieldNewPassword => "Nouveau mot de passe", "New password";
    PasswordHint => "10 caractères au moins. Une phrase facile à retenir fait un bon mot de passe.", "At least 10 characters. A sentence you remember easily makes a good password.";
    SavePassword => "Enregistrer le mot de passe", "Save the password";
    LinkIncomplete => "Ce lien est incomplet. Copiez-le en entier depuis le courriel, ou demandez-en un nouveau.", "This link is incomplete. Copy all of it from the email, or ask for a new one.";
    LinkDead => "Ce lien a déjà servi ou a expiré. Demandez-en un nouveau : il arrive par courriel en quelques instants.", "This link has already been used or has expired. Ask for a new one: it arrives by email within moments.";
    AskNewLink => "Demander un nouveau lien", "Ask for a new link";
    // Member area
    WelcomeSaved => "Bienvenue ! Votre mot de passe est enregistré : vous êtes connecté.", "Welcome! Your password is saved: you are logged in.";
    PasswordSaved => "Votre nouveau mot de passe est enregistré : vous êtes connecté.", "Your new password is saved: you are logged in.";
    BookingBlocked => "Fermé par la cantine à ce moment-là : annulez et choisissez un autre créneau.", "Closed by Silicon Kerne at that time: cancel and choose another slot.";
    MembershipTitle => "Mon adhésion", "My membership";
    FirstFeeNeeded => "Votre adhésion commence dès que la cotisation annuelle de {price} est enregistrée : réglez-la auprès du concierge à la cantine (espèces, chèque ou carte) ou par virement. Vous pourrez alors réserver un poste ou la salle.", "Your membership starts as soon as the yearly fee of {price} is recorded: pay it to the concierge at Silicon Kerne (cash, cheque or card) or by bank transfer. You can then book a desk or the room.";
    TransferTo => "Par virement : IBAN {iban}, au nom de Silicon Kerne, en indiquant votre nom.", "By bank transfer: IBAN {iban}, to Silicon Kerne, with your name as the reference.";
    RenewBeforeBooking => "Votre adhésion n'est plus à jour : renouvelez la cotisation annuelle de {price} auprès du concierge (espèces, chèque ou carte) ou par virement pour réserver de nouveau.", "Your membership has lapsed: renew the yearly fee of {price} with the concierge (cash, cheque or card) or by bank transfer to book again.";
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
    DeleteAccountTitle => "Supprimer mon compte", "Delete my account";
    DeleteAccountLead => "Vos données personnelles sont effacées. Seules les traces comptables que l'association doit garder sont conservées, sans votre identité.", "Your personal data is erased. Only the accounting records the association must keep are kept, without your identity.";
    DeleteAccount => "Supprimer mon compte…", "Delete my account…";
    DeleteAccountConfirm => "Supprimer définitivement votre compte ? Cette action ne peut pas être annulée.", "Delete your account for good? This cannot be undone.";
    DeleteAccountYes => "Oui, supprimer mon compte", "Yes, delete my account";
    // Directory and search
    DirectoryLead => "Les adhérents qui ont choisi d'y apparaître. Cherchez une compétence ou un club pour trouver la bonne personne.", "Members who chose to appear here. Search for a skill or a club to find the right person.";
    ClubsLabel => "Clubs :", "Clubs:";
    // Booking calendar
    QuickBookTitle => "Réserver un poste", "Book a desk";
    Today => "Aujourd'hui", "Today";
    NextOpenDay => "Prochain jour d'ouverture", "Next open day";
    MoreDays => "Autres jours, et la salle de réunion", "Other days, and the meeting room";
    WhatToBook => "Que réserver ?", "What to book?";
    View => "Affichage", "View";
    DayView => "Jour", "Day";
    WeekView => "Semaine", "Week";
    PreviousWeek => "Semaine précédente", "Previous week";
    NextWeek => "Semaine suivante", "Next week";
    Closed => "Fermé", "Closed";
    RoomOn => "Réserver la salle de réunion : {when} ?", "Book the meeting room: {when}?";
    Duration => "Durée", "Duration";
    WeekDesks => "Places libres le matin : {morning}, l'après-midi : {afternoon}", "Free places in the morning: {morning}, in the afternoon: {afternoon}";
    WeekRoom => "Salle libre : {free}", "Room free: {free}";
    BookingLimitsLine => "On réserve jusqu'au {until} ({days} jours à l'avance) ; la salle, {quota} par semaine au plus.", "Bookings go up to {until} ({days} days ahead); the room, {quota} a week at most.";
    BeyondHorizon => "Pas encore ouvert aux réservations : on réserve jusqu'au {until} ({days} jours à l'avance).", "Not open for booking yet: bookings go up to {until} ({days} days ahead).";
    YoursThatDay => "Vous avez réservé ce jour : {when}", "You booked that day: {when}";
    WeekMine => "Vous : {when}", "You: {when}";
    RoomFreeOnly => "À partir de {from}, la salle n'est libre que {free} : la durée est ramenée à {free}.", "From {from}, the room is free for only {free}: the length is cut to {free}.";
    WeekBeyond => "Pas encore ouvert aux réservations", "Not open for booking yet";
    Upcoming => "À venir", "Upcoming";
    PastBookings => "Passées et annulées", "Past and cancelled";
    NoUpcomingBookings => "Aucune réservation à venir.", "No upcoming bookings.";
    NextBookingsTitle => "Mes prochaines réservations", "My next bookings";
    AllMyBookings => "Toutes mes réservations, le calendrier et les annulations", "All my bookings, the calendar and cancelling";
    Cancelled => "Annulée", "Cancelled";
    AddToCalendar => "Ajouter à mon agenda (.ics)", "Add to my calendar (.ics)";
    CancelBooking => "Annuler la réservation…", "Cancel the booking…";
    CancelBookingQuestion => "Annuler cette réservation ? La place sera libérée pour un autre adhérent.", "Cancel this booking? The place goes back to other members.";
    CancelBookingYes => "Oui, annuler", "Yes, cancel";
    BookingCancelled => "Réservation annulée.", "Booking cancelled.";
    FeedTitle => "Mes réservations dans mon agenda", "My bookings in my calendar";
    FeedLead => "Un lien privé d'abonnement : vos réservations apparaissent et se mettent à jour toutes seules dans votre agenda.", "A private subscription link: your bookings appear and stay up to date in your calendar.";
    FeedHowTo => "Google Agenda : « Autres agendas » › « À partir de l'URL ». Apple Calendrier : « Fichier » › « Nouvel abonnement à un calendrier ». Thunderbird : « Nouvel agenda » › « Sur le réseau ». Créer un nouveau lien désactive l'ancien.", "Google Calendar: \"Other calendars\" › \"From URL\". Apple Calendar: \"File\" › \"New Calendar Subscription\". Thunderbird: \"New Calendar\" › \"On the Network\". Creating a new link turns off the old one.";
    FeedCreate => "Créer mon lien d'agenda", "Create my calendar link";
    FeedUrl => "Votre lien d'agenda privé", "Your private calendar link";
    FeedShownOnce => "Copiez-le maintenant : il ne sera plus affiché. Ne le partagez pas.", "Copy it now: it will not be shown again. Do not share it.";
    Copy => "Copier le lien", "Copy the link";
    Copied => "Lien copié", "Link copied";
    VolTitle => "Consultations pour les entreprises", "Consultations for businesses";
    VolLead => "Des artisans et commerçants demandent un coup de main numérique : une heure de conseil, à la cantine, par téléphone ou en visio.", "Craftspeople and shops ask for a hand with digital: an hour of advice, at Silicon Kerne, by phone or by video.";
    VolProfileTitle => "Je suis bénévole", "I volunteer";
    VolOn => "Je me porte bénévole pour des consultations", "I volunteer for consultations";
    VolTopics => "Mes sujets", "My topics";
    VolCap => "Au plus, par mois", "At most, per month";
    VolSave => "Enregistrer", "Save";
    VolSaved => "Enregistré.", "Saved.";
    VolMineTitle => "Mes consultations", "My consultations";
    VolNone => "Aucune consultation pour vous en ce moment.", "No consultation for you at the moment.";
    VolAnswer => "Accepter ou décliner", "Accept or decline";
    VolWaiting => "Une demande vous attend — {business} ({town}) : répondez avant le {date}.", "A request waits for you — {business} ({town}): answer by {date}.";
    VolOffered => "Proposée : répondez avant le {date}.", "Offered: answer by {date}.";
    VolAccept => "J'accepte", "I accept";
    VolDecline => "Je ne peux pas", "I cannot";
    VolReason => "Pourquoi (l'équipe le lit)", "Why (the team reads it)";
    VolSendDecline => "Rendre la demande", "Give the request back";
    VolErased => "Demande effacée (données personnelles supprimées)", "Request erased (personal data deleted)";
    VolRequester => "Demandeur", "Requester";
    VolUnsuitable => "Le créneau ne convient pas : « {message} »", "The time does not suit: “{message}”";
    VolOpen => "Voir : {business}", "See: {business}";
    VolArea => "Bénévolat : consultations pour les entreprises", "Volunteering: consultations for businesses";
}
}
