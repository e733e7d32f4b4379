//! Strings of the pages for businesses (the business bundle): what the cantine offers them, the
//! request form, a request's private link and the library. A missing translation does not compile.

domain::messages! {
/// Strings of the pages for businesses.
BusinessText {
    OfferTitle => "Artisans, commerçants, TPE : un coup de main numérique", "Craftspeople, shops, small firms: a hand with digital";
    OfferLead => "Des adhérents de la cantine, professionnels du web, vous conseillent gratuitement pendant une heure : à la cantine, par téléphone ou en visio.", "Members of Silicon Kerne, web professionals, advise you for free for an hour: at Silicon Kerne, by phone or by video.";
    TopicsTitle => "Sur quels sujets", "On which topics";
    HowTitle => "Comment ça marche", "How it works";
    HowStep1 => "Vous décrivez votre besoin ici, en cinq minutes, sans créer de compte.", "You describe what you need here, in five minutes, without an account.";
    HowStep2 => "Nous trouvons un adhérent bénévole qui connaît le sujet.", "We find a volunteer member who knows the subject.";
    HowStep3 => "Il vous propose un rendez-vous ; vous suivez chaque étape avec votre lien personnel.", "They suggest an appointment; you follow each step with your personal link.";
    HowStep4 => "Après le rendez-vous : les ressources conseillées et un avis en deux clics.", "After the appointment: the recommended resources and feedback in two clicks.";
    LibraryTeaser => "En attendant, parcourez la bibliothèque : guides, listes à cocher et liens vers les guides de France Num.", "Meanwhile, browse the library: guides, checklists and links to France Num's guides.";
    SeeLibrary => "Voir la bibliothèque", "See the library";
    FormTitle => "Demander une consultation", "Ask for a consultation";
    FieldBusiness => "Nom de l'entreprise", "Business name";
    FieldTrade => "Votre activité", "Your line of business";
    FieldSize => "Nombre de personnes", "Number of people";
    SizeNone => "Je préfère ne pas le dire", "I prefer not to say";
    FieldTown => "Commune", "Town";
    FieldContactName => "Votre nom", "Your name";
    FieldEmail => "Adresse e-mail", "Email address";
    FieldPhone => "Téléphone", "Phone";
    FieldTopics => "Vos sujets", "Your topics";
    TopicsHint => "Cochez un ou plusieurs sujets.", "Tick one or more topics.";
    FieldGoal => "Ce que vous voulez obtenir, avec vos mots", "What you want to achieve, in your own words";
    GoalHint => "Par exemple : « prendre les commandes de gâteaux en ligne pour le week-end ».", "For example: “take cake orders online for the weekend”.";
    FieldAvailability => "Quand êtes-vous disponible en semaine ?", "When are you available on weekdays?";
    Consent => "J'accepte que Silicon Kerne garde ces informations pour traiter ma demande, et efface mes coordonnées {days} jours après la consultation. Je peux tout télécharger ou effacer à tout moment avec mon lien personnel.", "I agree that Silicon Kerne keeps this information to handle my request, and erases my contact details {days} days after the consultation. I can download or erase everything at any time with my personal link.";
    SendRequest => "Envoyer ma demande", "Send my request";
    StatusTitle => "Votre demande de consultation", "Your consultation request";
    SentNotice => "Demande envoyée. Gardez cette page : son adresse est votre lien personnel, que nous avons aussi envoyé par courriel.", "Request sent. Keep this page: its address is your personal link, which we also sent by email.";
    StepReceived => "Demande reçue", "Request received";
    StepAssigned => "Un bénévole s'en occupe", "A volunteer is on it";
    StepAssignedTo => "{name}, bénévole, s'en occupe", "{name}, a volunteer, is on it";
    StepScheduled => "Rendez-vous fixé", "Appointment set";
    StepDone => "Consultation réalisée", "Consultation done";
    StepToCome => "à venir", "to come";
    TimelineTitle => "Où en est votre demande", "Where your request stands";
    DeclinedTitle => "Nous ne pouvons pas donner suite", "We cannot follow up";
    AppointmentTitle => "Votre rendez-vous", "Your appointment";
    With => "Avec {name}", "With {name}";
    ByPhone => "Par téléphone : {name} vous appelle.", "By phone: {name} calls you.";
    ByVideo => "En visio : le lien vous est envoyé par {name}.", "By video: {name} sends you the link.";
    AddToCalendar => "Ajouter à mon agenda (.ics)", "Add to my calendar (.ics)";
    NotSuitable => "Ce créneau ne me convient pas", "This time does not suit me";
    NotSuitableLabel => "Dites quand vous êtes disponible", "Say when you are available";
    SendNotSuitable => "Envoyer", "Send";
    NotSuitableSent => "Message transmis : un autre créneau va vous être proposé.", "Message passed on: another time will be suggested.";
    YouSaid => "Vous avez écrit : « {message} »", "You wrote: “{message}”";
    NoteTitle => "Le mot de votre bénévole", "A word from your volunteer";
    RecommendedTitle => "Les ressources conseillées", "Recommended resources";
    RelatedTitle => "À lire sur vos sujets", "To read on your topics";
    FeedbackTitle => "La consultation vous a-t-elle été utile ?", "Was the consultation useful?";
    Useful => "Oui, utile", "Yes, useful";
    NotUseful => "Pas vraiment", "Not really";
    FeedbackChoose => "Dites si ce rendez-vous vous a été utile : « Oui, utile » ou « Pas vraiment ».", "Say whether the appointment was useful: “Yes, useful” or “Not really”.";
    FieldComment => "Un commentaire", "A comment";
    SendFeedback => "Envoyer mon avis", "Send my feedback";
    FeedbackThanks => "Merci pour votre avis !", "Thank you for your feedback!";
    RequestTitle => "Votre demande", "Your request";
    YourDataTitle => "Vos données", "Your data";
    ConsentGiven => "Accord donné le {date}.", "Agreed on {date}.";
    EraseOn => "Vos coordonnées seront effacées le {date}.", "Your contact details will be erased on {date}.";
    Export => "Télécharger mes données (JSON)", "Download my data (JSON)";
    CancelErase => "Annuler et effacer ma demande", "Cancel and erase my request";
    CancelEraseQuestion => "Annuler la demande et effacer vos coordonnées ? Ce lien cessera de fonctionner.", "Cancel the request and erase your contact details? This link will stop working.";
    CancelEraseYes => "Oui, annuler et effacer", "Yes, cancel and erase";
    Keep => "Non, garder", "No, keep it";
    Erased => "Votre demande est annulée et vos coordonnées sont effacées.", "Your request is cancelled and your contact details are erased.";
    LibraryTitle => "Ressources pour les entreprises", "Resources for businesses";
    LibraryLead => "Guides, listes à cocher et liens utiles, écrits ou choisis par l'équipe de la cantine.", "Guides, checklists and useful links, written or chosen by the Silicon Kerne team.";
    Search => "Rechercher", "Search";
    Topic => "Sujet", "Topic";
    AllTopics => "Tous les sujets", "All topics";
    ResultsOne => "{count} ressource", "{count} resource";
    ResultsOther => "{count} ressources", "{count} resources";
    NoResource => "Aucune ressource ne correspond : essayez un autre mot ou un autre sujet.", "No resource matches: try another word or topic.";
    ForTrade => "Pour : {trade}", "For: {trade}";
    Read => "Lire : {title}", "Read: {title}";
    OpenGuide => "Ouvrir le guide (site externe)", "Open the guide (external site)";
    InFrench => "En français", "In French";
    OnlyInFrench => "Cette ressource n'est écrite qu'en français pour l'instant.", "This resource is only written in French for now.";
    BackToLibrary => "Retour à la bibliothèque", "Back to the library";
    NeedHelp => "Besoin d'aide pour le mettre en pratique ?", "Need help putting it into practice?";
    AskConsultation => "Demander une consultation", "Ask for a consultation";
    Updated => "Mis à jour le {date}", "Updated on {date}";
}
}

domain::messages! {
/// The words of consultations that the business pages, the volunteers' page and the staff's board
/// all show: trades, sizes, availability, kinds of resource, states and places.
ConsultText {
    TradeArtisan => "Artisan", "Craftsperson";
    TradeShop => "Commerce", "Shop";
    TradeSme => "PME, TPE", "Small business";
    TradeLiberal => "Profession libérale", "Self-employed professional";
    TradeAssociation => "Association", "Association";
    TradeOther => "Autre", "Other";
    SizeSolo => "Seul·e", "Just me";
    SizeSmall => "2 à 9", "2 to 9";
    SizeMedium => "10 à 49", "10 to 49";
    SizeLarge => "50 ou plus", "50 or more";
    Mornings => "Le matin", "Mornings";
    Afternoons => "L'après-midi", "Afternoons";
    Evenings => "En soirée", "Evenings";
    AtCantine => "À Silicon Kerne", "At Silicon Kerne";
    KindGuide => "Guide", "Guide";
    KindChecklist => "Liste à cocher", "Checklist";
    KindLink => "Lien", "Link";
    StatusNew => "Nouvelle", "New";
    StatusAssigned => "Confiée", "Assigned";
    StatusScheduled => "Rendez-vous fixé", "Appointment set";
    StatusDone => "Réalisée", "Done";
    StatusDeclined => "Refusée", "Declined";
    StatusCancelled => "Annulée", "Cancelled";
    PlacePhone => "Par téléphone", "By phone";
    PlaceVideo => "En visio", "By video";
    ScheduleTitle => "Fixer le rendez-vous", "Set the appointment";
    Day => "Jour", "Day";
    Start => "Début", "Start";
    End => "Fin", "End";
    Place => "Lieu", "Place";
    Room => "La salle de réunion", "The meeting room";
    Desk => "Un poste de coworking", "A coworking desk";
    RoomOrDesk => "Salle ou poste (à la cantine)", "Room or desk (at Silicon Kerne)";
    Schedule => "Enregistrer le rendez-vous", "Save the appointment";
    CloseTitle => "Clore la demande", "Close the request";
    OutcomeDone => "Réalisée", "Done";
    ChooseDay => "Choisissez le jour du rendez-vous.", "Choose the appointment's day.";
    ChooseOutcome => "Choisissez « Réalisée » ou « Refusée ».", "Choose “Done” or “Declined”.";
    OutcomeDeclined => "Refusée : le motif est envoyé au demandeur", "Declined: the reason is sent to the requester";
    Note => "Note (ou motif du refus)", "Note (or the reason for declining)";
    Recommended => "Ressources conseillées", "Recommended resources";
    Close => "Clore", "Close";
    DoneNote => "Ce qui a été vu (le demandeur le lit)", "What was covered (the requester reads it)";
}
}
