//! Strings of the public pages (the home page, coworking, the room, clubs, e-education, partners,
//! the association): the public bundle's own.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the public pages.
PublicText {
    SeeAgenda => "Voir l'agenda et s'inscrire", "See the agenda and sign up";
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
    CoworkingTitle => "Le coworking", "Coworking";
    CoworkingLead => "Indépendants, salariés à distance, porteurs de projet : entre 3 et 10 coworkers travaillent ici chaque jour, et certains reviennent tous les jours. On y partage des conseils, et des projets communs y naissent.", "Freelancers, remote workers, project founders: between 3 and 10 coworkers work here every day, and some come back daily. People share advice, and joint projects start here.";
    CoworkingDesks => "{count} postes, à la demi-journée ou à la journée.", "{count} desks, by the half-day or the day.";
    OpeningHours => "Horaires d'ouverture", "Opening hours";
    ClosedOnHolidays => "Fermé les jours fériés.", "Closed on public holidays.";
    Closed => "Fermé", "Closed";
    HoursRange => "{open} – {close}", "{open} – {close}";
    FeeIncludes => "L'adhésion coûte {fee} par an. Elle comprend les postes de coworking, la salle de réunion réservée pour votre travail sans supplément ({quota} par semaine au plus), les clubs et leurs réunions, l'annuaire des adhérents. Louer la salle pour un événement suit le tarif adhérent.", "Membership costs {fee} a year. It includes coworking desks, the meeting room booked for your work at no extra cost ({quota} a week at most), the clubs and their meetings, the members' directory. Renting the room for an event is at the members' rate.";
    CoworkingHowTo => "Les adhérents réservent leur poste depuis leur espace membre. Pas encore adhérent ? Rejoignez l'association.", "Members book their desk from their member area. Not a member yet? Join the association.";
    RoomTitle => "Louer la salle de réunion", "Rent the meeting room";
    RoomLead => "Une salle de réunion équipée d'un système de visioconférence, à louer à la demi-journée ou à la journée. Les locations aident à financer les activités de l'association.", "A meeting room with a videoconference system, to rent by the half-day or the day. Rentals help fund the association's activities.";
    RoomCapacity => "Jusqu'à {count} personnes", "Up to {count} people";
    RoomVisio => "Visioconférence, écran et wifi", "Videoconferencing, screen and wifi";
    Rates => "Tarifs", "Rates";
    HalfDay => "Demi-journée", "Half-day";
    FullDay => "Journée", "Day";
    MemberRate => "Adhérents, pour un événement", "Members, for an event";
    RoomMembersNote => "Adhérent ? Pour votre travail, vous réservez la salle depuis votre espace, sans supplément, jusqu'à {quota} par semaine. Le tarif adhérent s'applique quand vous la louez pour un événement, une formation ou un public extérieur.", "A member? For your work, you book the room from your area at no extra cost, up to {quota} a week. The members' rate applies when you rent it for an event, a training or outside guests.";
    NonMemberRate => "Non-adhérents", "Non-members";
    RoomContact => "Une question avant de demander la salle ? Écrivez-nous : nous répondons sous deux jours ouvrés.", "A question before you ask for the room? Write to us: we answer within two working days.";
    ClubsTitle => "Les clubs", "Clubs";
    ClubsLead => "Des clubs se réunissent tous les mois pour échanger entre professionnels, partager son expérience et se donner des conseils.", "Clubs meet every month so professionals can exchange, share experience and advise each other.";
    NextMeeting => "Prochaine réunion : {date}", "Next meeting: {date}";
    MeetsEvery => "Se réunit {rule}", "Meets {rule}";
    HomeBusinessTitle => "Artisans, commerçants, petites entreprises", "Craftspeople, shops, small businesses";
    HomeBusinessText => "Un adhérent de la cantine vous aide gratuitement sur votre site, vos factures ou les réseaux : une heure de conseil, ici, par téléphone ou en visio.", "A member of Silicon Kerne helps you for free with your website, your invoices or social media: an hour of advice, here, by phone or by video.";
    HomeBusinessLink => "Demander une consultation", "Ask for a consultation";
    PartnersTitle => "Nos partenaires", "Our partners";
    PartnersLead => "Le soutien d'entreprises et de collectivités locales permet d'organiser régulièrement des événements.", "Support from local businesses and public bodies lets us hold events regularly.";
    VisitWebsite => "Visiter le site : {name}", "Visit the website: {name}";
    AboutTitle => "L'association", "About the association";
    Board => "Le conseil d'administration", "The board";
    BoardLead => "{count} administrateurs élus à l'assemblée générale du {date}.", "{count} board members elected at the general meeting of {date}.";
    Concierge => "Le concierge", "The concierge";
    KeyFigures => "En chiffres", "Key figures";
    FoundedYear => "Créée en {year}", "Founded in {year}";
    YearlyBudget => "Budget annuel : {amount}", "Yearly budget: {amount}";
    WriteToUs => "Nous écrire", "Write to us";
    AskForTheRoom => "Demander la salle", "Ask for the room";
}
}
