//! Strings of the agenda and of an event's facts (the agenda bundle, the home page's events; the
//! event and sign-up bundles, staff and members' pages use them too). The form's and the private
//! link's strings are in [`super::SignupText`], so that the pages that only list events do not carry them.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the agenda and of an event's facts.
EventText {
    // Kinds and audiences
    KindClubMeeting => "Réunion de club", "Club meeting";
    KindTeacherTraining => "Formation enseignants", "Teacher training";
    KindChildrenWorkshop => "Atelier enfants", "Children's workshop";
    KindOpenDay => "Portes ouvertes parents", "Parents' open day";
    KindOther => "Autre", "Other";
    AudienceEveryone => "Tout public", "Everyone";
    AudienceTeachers => "Enseignants et animateurs", "Teachers and youth workers";
    AudienceFamilies => "Familles", "Families";
    AudienceMembers => "Adhérents", "Members";
    // The agenda
    AgendaTitle => "Agenda", "Agenda";
    AgendaLead => "Formations pour enseignants, ateliers de code pour les enfants, portes ouvertes pour les parents et réunions des clubs : inscrivez-vous sans créer de compte.", "Trainings for teachers, coding workshops for children, open days for parents and club meetings: sign up without creating an account.";
    FiltersTitle => "Filtrer les événements", "Filter the events";
    FieldKind => "Type d'événement", "Kind of event";
    FieldAudience => "Public", "Audience";
    AllKinds => "Tous les types", "All kinds";
    AllAudiences => "Tous les publics", "All audiences";
    NoEvents => "Aucun événement à venir pour ces critères.", "No upcoming event for these filters.";
    SeatsLeftOne => "{count} place restante", "{count} seat left";
    SeatsLeftOther => "{count} places restantes", "{count} seats left";
    FullWaitingList => "Complet — liste d'attente", "Full — waiting list";
    Cancelled => "Annulé", "Cancelled";
    SignupsClosed => "Inscriptions closes", "Sign-ups closed";
    SeeEvent => "Voir « {title} » et s'inscrire", "See “{title}” and sign up";
    MeetingRoom => "Salle de réunion de Silicon Kerne", "Silicon Kerne's meeting room";
    Ages => "De {min} à {max} ans", "Ages {min} to {max}";
    WithPartner => "Avec {partner}", "With {partner}";
    // E-education
    EducationTitle => "E-éducation", "E-education";
    EducationLead => "Aller au-delà du discours sur les dangers d'internet : notre plan d'e-éducation forme les enseignants et les encadrants pour qu'ils montrent aux enfants tout ce que le web leur ouvre.", "Going beyond talk of the dangers of the internet: our e-education programme trains teachers and youth workers so they can show children everything the web opens up to them.";
    EducationTeachers => "Formations pour les enseignants et les encadrants", "Training for teachers and youth workers";
    EducationTeachersText => "Des sessions pratiques pour préparer des activités numériques en classe ou en centre de loisirs.", "Hands-on sessions to prepare digital activities for the classroom or the youth centre.";
    EducationKids => "Ateliers de codage pour les enfants", "Coding workshops for children";
    EducationKidsText => "Avec l'association Les Petits Débrouillards, les enfants découvrent en bricolant à quoi sert le codage informatique.", "With the Les Petits Débrouillards association, children tinker and discover what coding is for.";
    EducationParents => "Portes ouvertes pour les parents", "Open days for parents";
    EducationParentsText => "Pendant les ateliers, les parents visitent l'espace de coworking et rencontrent l'équipe.", "During the workshops, parents visit the coworking space and meet the team.";
    EducationSeeAgenda => "Voir tout l'agenda", "See the whole agenda";
    EducationNext => "Prochaines dates", "Next dates";
    EducationNone => "Pas de date programmée pour l'instant : revenez bientôt ou consultez l'agenda.", "No date planned yet: come back soon or see the agenda.";
    EducationAll => "Toutes les dates : {kind}", "All dates: {kind}";
    // An event's page
    When => "Quand", "When";
    Where => "Où", "Where";
    ForAges => "Pour les âges", "For ages";
    Partner => "Partenaire", "Partner";
    Bring => "À apporter", "What to bring";
    InFrench => "(en français)", "(in French)";
    Seats => "Places", "Seats";
}
}
