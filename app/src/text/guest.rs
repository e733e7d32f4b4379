//! Strings of the public site and of the journeys without an account (joining, logging in, the room's rental, private links).
//! A missing translation does not compile.

domain::messages! {
/// Strings of the public site and of the journeys without an account (joining, logging in, the room's rental, private links).
GuestText {
    // Home
    HomeLead => "Un espace de coworking, une salle de réunion équipée en visioconférence, des clubs qui se réunissent tous les mois et un plan d'e-éducation pour les enseignants, les encadrants et les familles.", "A coworking space, a meeting room with videoconferencing, clubs that meet every month, and an e-education programme for teachers, youth workers and families.";
    Today => "Aujourd'hui", "Today";
    OpenToday => "Ouvert aujourd'hui de {open} à {close}", "Open today from {open} to {close}";
    ClosedToday => "Fermé aujourd'hui", "Closed today";
    ClosedHoliday => "Fermé aujourd'hui : {name} (jour férié)", "Closed today: {name} (public holiday)";
    DesksCount => "{count} postes de coworking", "{count} coworking desks";
    MembersCount => "{count} adhérents", "{count} members";
    DiscoverCoworking => "Découvrir le coworking", "Discover coworking";
    UpcomingEvents => "Prochains rendez-vous", "Upcoming events";
    NoUpcomingEvents => "Aucun rendez-vous prévu pour le moment.", "No events planned yet.";
    OurPartners => "Nos partenaires", "Our partners";
    AllPartners => "Tous les partenaires", "All partners";
    ClubMeeting => "Réunion du club {club}", "{club} club meeting";
    // Coworking
    CoworkingTitle => "Le coworking", "Coworking";
    CoworkingLead => "Indépendants, salariés à distance, porteurs de projet : entre 3 et 10 coworkers travaillent ici chaque jour, et certains reviennent tous les jours. On y partage des conseils, et des projets communs y naissent.", "Freelancers, remote workers, project founders: between 3 and 10 coworkers work here every day, and some come back daily. People share advice, and joint projects start here.";
    CoworkingDesks => "{count} postes, à la demi-journée ou à la journée.", "{count} desks, by the half-day or the day.";
    OpeningHours => "Horaires d'ouverture", "Opening hours";
    ClosedOnHolidays => "Fermé les jours fériés.", "Closed on public holidays.";
    Closed => "Fermé", "Closed";
    HoursRange => "{open} – {close}", "{open} – {close}";
    CoworkingHowTo => "Les adhérents réservent leur poste depuis leur espace membre. Pas encore adhérent ? Rejoignez l'association.", "Members book their desk from their member area. Not a member yet? Join the association.";
    // Room
    RoomTitle => "Louer la salle de réunion", "Rent the meeting room";
    RoomLead => "Une salle de réunion équipée d'un système de visioconférence, à louer à la demi-journée ou à la journée. Les locations aident à financer les activités de l'association.", "A meeting room with a videoconference system, to rent by the half-day or the day. Rentals help fund the association's activities.";
    RoomCapacity => "Jusqu'à {count} personnes", "Up to {count} people";
    RoomVisio => "Visioconférence, écran et wifi", "Videoconferencing, screen and wifi";
    Rates => "Tarifs", "Rates";
    HalfDay => "Demi-journée", "Half-day";
    FullDay => "Journée", "Day";
    MemberRate => "Adhérents", "Members";
    NonMemberRate => "Non-adhérents", "Non-members";
    MemberBooksRoom => "Vous êtes adhérent : réservez la salle depuis la page « Réserver ». Pour une demande au nom d'une entreprise, ce formulaire applique le tarif adhérent si votre adhésion est à jour.", "You are a member: book the room from the “Book” page. For a request on behalf of a company, this form applies the member rate if your membership is current.";
    MemberRateApplied => "Tarif adhérent appliqué.", "Member rate applied.";
    ChooseDateFirst => "Choisissez d'abord une date : les créneaux libres s'affichent ici.", "Choose a date first: the free time slots show here.";
    RoomNotFreeThatDay => "La salle n'est pas disponible ce jour-là : choisissez une autre date.", "The room is not available that day: choose another date.";
    TakenPeriodsDisabled => "Les créneaux déjà pris ne peuvent pas être choisis.", "Time slots already taken cannot be chosen.";
    PeriodFree => " — libre", " — free";
    PeriodTaken => " — déjà prise", " — already taken";
    VatNote => "Association non assujettie à la TVA : prix nets, TVA non applicable (article 293 B du CGI).", "The association does not charge VAT: net prices, VAT not applicable (article 293 B of the French tax code).";
    RoomContact => "Une question avant de demander la salle ? Écrivez-nous : nous répondons sous deux jours ouvrés.", "A question before you ask for the room? Write to us: we answer within two working days.";
    // Clubs
    ClubsTitle => "Les clubs", "Clubs";
    ClubsLead => "Des clubs se réunissent tous les mois pour échanger entre professionnels, partager son expérience et se donner des conseils.", "Clubs meet every month so professionals can exchange, share experience and advise each other.";
    NextMeeting => "Prochaine réunion : {date}", "Next meeting: {date}";
    MeetsEvery => "Se réunit {rule}", "Meets {rule}";
    // Education
    EducationTitle => "E-éducation", "E-education";
    EducationLead => "Aller au-delà du discours sur les dangers d'internet : notre plan d'e-éducation forme les enseignants et les encadrants pour qu'ils montrent aux enfants tout ce que le web leur ouvre.", "Going beyond talk of the dangers of the internet: our e-education programme trains teachers and youth workers so they can show children everything the web opens up to them.";
    EducationTeachers => "Formations pour les enseignants et les encadrants", "Training for teachers and youth workers";
    EducationTeachersText => "Des sessions pratiques pour préparer des activités numériques en classe ou en centre de loisirs.", "Hands-on sessions to prepare digital activities for the classroom or the youth centre.";
    EducationKids => "Ateliers de codage pour les enfants", "Coding workshops for children";
    EducationKidsText => "Avec l'association Les Petits Débrouillards, les enfants découvrent en bricolant à quoi sert le codage informatique.", "With the Les Petits Débrouillards association, children tinker and discover what coding is for.";
    EducationParents => "Portes ouvertes pour les parents", "Open days for parents";
    EducationParentsText => "Pendant les ateliers, les parents visitent l'espace de coworking et rencontrent l'équipe.", "During the workshops, parents visit the coworking space and meet the team.";
    // Partners
    PartnersTitle => "Nos partenaires", "Our partners";
    PartnersLead => "Le soutien d'entreprises et de collectivités locales permet d'organiser régulièrement des événements.", "Support from local businesses and public bodies lets us hold events regularly.";
    VisitWebsite => "Visiter le site : {name}", "Visit the website: {name}";
    // About
    AboutTitle => "L'association", "About the association";
    Board => "Le conseil d'administration", "The board";
    BoardLead => "{count} administrateurs élus à l'assemblée générale du {date}.", "{count} board members elected at the general meeting of {date}.";
    Concierge => "Le concierge", "The concierge";
    KeyFigures => "En chiffres", "Key figures";
    FoundedYear => "Créée en {year}", "Founded in {year}";
    YearlyBudget => "Budget annuel : {amount}", "Yearly budget: {amount}";
    // Join
    JoinTitle => "Adhérer à Silicon Kerne", "Join Silicon Kerne";
    WriteToUs => "Nous écrire", "Write to us";
    // Not found
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundText => "Cette page n'existe pas ou a été déplacée.", "This page does not exist or has moved.";
    BackHome => "Retour à l'accueil", "Back to the home page";
    // Forms
    DataPolicy => "Silicon Kerne utilise ces informations uniquement pour examiner votre demande et gérer votre adhésion ; elles ne sont jamais cédées. Une fois adhérent, vous pouvez les exporter ou les supprimer depuis votre espace.", "Silicon Kerne uses this information only to review your application and manage your membership; it is never passed on. Once a member, you can export or delete it from your area.";
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
    ForgotTitle => "Mot de passe oublié", "Forgotten password";
    ForgotLead => "Indiquez l'adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe, valable une heure.", "Give your account's email address: we send you a link to choose a new password, valid for one hour.";
    SendResetLink => "Recevoir le lien", "Send me the link";
    ResetLinkSent => "Si un compte existe pour {email}, un courriel vient de partir avec un lien valable une heure. Pensez à regarder dans les indésirables.", "If an account exists for {email}, an email is on its way with a link valid for one hour. Check your spam folder too.";
    // Room rental
    AskForTheRoom => "Demander la salle", "Ask for the room";
    RentalRequestTitle => "Demander la salle de réunion", "Ask for the meeting room";
    RentalRequestLead => "Pour une entreprise ou une association, sans compte : choisissez la date et la demi-journée ou la journée. Le prix s'affiche avant l'envoi ; nous répondons sous deux jours ouvrés.", "For a business or an association, no account needed: choose the date and the half-day or the day. The price shows before you send; we answer within two working days.";
    FieldNeedsVisio => "Nous aurons besoin de la visioconférence", "We will need the videoconference system";
    MembersPayLess => "Tarif non-adhérent. Les adhérents paient {price}.", "Non-member rate. Members pay {price}.";
    SendRentalRequest => "Envoyer la demande", "Send the request";
    RentalSentTitle => "Demande envoyée, merci !", "Request sent, thank you!";
    RentalSentText => "Prix : {price}. Un courriel part avec votre lien personnel pour suivre la demande, imprimer le devis ou annuler.", "Price: {price}. An email is on its way with your personal link to follow the request, print the quote or cancel.";
    FollowRequest => "Suivre ma demande et voir le devis", "Follow my request and see the quote";
    RentalStatusTitle => "Votre location de salle", "Your room rental";
    DeclineReason => "Motif :", "Reason:";
    Print => "Imprimer", "Print";
    CancelRental => "Annuler la demande…", "Cancel the request…";
    CancelRentalQuestion => "Annuler cette location ?", "Cancel this rental?";
    CancelRentalYes => "Oui, annuler la location", "Yes, cancel the rental";
    QuoteNumber => "Devis n° {number}", "Quote no. {number}";
    QuoteIssued => "Émis le {date}.", "Issued on {date}.";
    QuoteValidUntil => "Valable jusqu'au {date}.", "Valid until {date}.";
    QuoteFrom => "Émetteur", "Issued by";
    QuoteFor => "Client", "Client";
    QuoteSlot => "Location de la salle de réunion :", "Meeting room rental:";
    QuoteLine => "Désignation", "Description";
    QuoteQuantity => "Qté", "Qty";
    QuoteUnit => "{price} l'unité", "{price} each";
    QuoteTotal => "Total", "Total";
}
}
