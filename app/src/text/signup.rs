//! Strings of an event's sign-up form and of a sign-up's private link (the events and sign-up
//! bundles; the staff's event pages use the group's controls too).
//! A missing translation does not compile.

domain::messages! {
/// Strings of an event's sign-up form and of a sign-up's private link.
SignupText {
    MaxPerSignup => "Au plus {count} places par inscription.", "At most {count} seats per sign-up.";
    MaxPerSignupOne => "Une seule place par inscription.", "One seat per sign-up.";
    AddToCalendar => "Ajouter à mon agenda (.ics)", "Add to my calendar (.ics)";
    BackToAgenda => "Retour à l'agenda", "Back to the agenda";
    SignupTitle => "S'inscrire", "Sign up";
    SignupNotYet => "Les inscriptions ouvrent le {date}.", "Sign-ups open on {date}.";
    SignupClosed => "Les inscriptions sont closes.", "Sign-ups are closed.";
    EventCancelled => "Cet événement est annulé.", "This event is cancelled.";
    MembersOnlyNote => "Réservé aux adhérents de Silicon Kerne : connectez-vous avec votre compte pour dire que vous venez.", "For Silicon Kerne members only: log in with your account to say you are coming.";
    LogInToCome => "Se connecter pour venir", "Log in to come";
    ComeButton => "Je viens", "I'm coming";
    StayAwayButton => "Je ne viens plus", "I'm no longer coming";
    YouAreComing => "Vous venez : à bientôt !", "You are coming: see you soon!";
    NotComingYet => "Vous n'êtes pas inscrit.", "You are not signed up.";
    NoAccountNeeded => "Pas besoin de compte : vous recevez par courriel un lien personnel pour modifier ou annuler.", "No account needed: you receive by email a personal link to change or cancel.";
    FieldAdults => "Nombre d'adultes", "Number of adults";
    FieldAdultsWith => "Adultes qui accompagnent (sans place)", "Adults coming with them (no seat)";
    SeatsForChildrenHint => "Les places sont pour les enfants : l'adulte qui les accompagne n'en prend pas.", "The seats are for the children: the adult who comes with them takes none.";
    FieldChildrenCount => "Nombre d'enfants", "Number of children";
    ChildrenTitle => "Enfants", "Children";
    ChildrenHint => "Le prénom et l'âge de chaque enfant inscrit.", "The first name and age of each child signed up.";
    ChildNumber => "Enfant {count}", "Child {count}";
    FieldChildFirstName => "Prénom", "First name";
    FieldChildAge => "Âge", "Age";
    AddChild => "Ajouter un enfant", "Add a child";
    RemoveChild => "Retirer l'enfant {count}", "Remove child {count}";
    SeatsTotalOne => "Total : {count} place.", "Total: {count} seat.";
    SeatsTotalOther => "Total : {count} places.", "Total: {count} seats.";
    ConsentChildren => "Je suis responsable légal de ces enfants et j'accepte que ces informations soient conservées jusqu'à {days} jours après l'atelier.", "I am these children's legal guardian and I agree that this information is kept until {days} days after the workshop.";
    ConsentPhotos => "J'accepte que les enfants apparaissent sur les photos de l'atelier (facultatif).", "I agree that the children may appear in the workshop's photos (optional).";
    NotEnoughSeats => "Il n'y a pas assez de places pour tout votre groupe : vous rejoignez la liste d'attente. Les places libérées sont attribuées dans l'ordre d'inscription.", "There are not enough seats for your whole group: you join the waiting list. Freed seats go out in sign-up order.";
    GroupChoice => "Si des places se libèrent", "If seats are freed";
    AllTogether => "Seulement tous ensemble", "All of us together only";
    AcceptFewer => "Nous acceptons moins de places", "We accept fewer seats";
    SignUp => "Je m'inscris", "Sign me up";
    JoinWaitingList => "Rejoindre la liste d'attente", "Join the waiting list";
    LinkSentAgain => "Cette adresse e-mail est déjà inscrite à cet événement : nous venons d'y renvoyer le lien personnel de l'inscription. Rien n'a changé ; ouvrez ce lien pour la modifier ou l'annuler.", "This email address is already signed up for this event: we have just sent the sign-up's personal link to it again. Nothing has changed; open that link to change or cancel it.";
    // The private link
    RegistrationTitle => "Votre inscription", "Your sign-up";
    ConfirmedOne => "Confirmée — {count} place", "Confirmed — {count} seat";
    ConfirmedOther => "Confirmée — {count} places", "Confirmed — {count} seats";
    WaitingPosition => "Liste d'attente — position {position}", "Waiting list — position {position}";
    WaitingNote => "Vous demandez {count} places. Dès qu'elles se libèrent, elles vous sont attribuées et vous recevez un courriel.", "You ask for {count} seats. As soon as they are freed they are yours and you receive an email.";
    RegistrationCancelled => "Inscription annulée.", "Sign-up cancelled.";
    SignedUpAs => "Inscrit au nom de", "Signed up as";
    ChangeSeatsTitle => "Changer le nombre de places", "Change the number of seats";
    ChangeSeatsHint => "Vous pouvez toujours réduire ; augmenter seulement s'il reste des places.", "You can always reduce; increase only when seats are free.";
    SaveSeats => "Enregistrer les places", "Save the seats";
    SeatsSaved => "Places enregistrées.", "Seats saved.";
    DownloadIcs => "Télécharger l'événement (.ics)", "Download the event (.ics)";
    ExportData => "Exporter mes données", "Export my data";
    EraseChildrenOn => "Les prénoms et âges des enfants seront effacés le {date}.", "The children's first names and ages will be erased on {date}.";
    ChildrenErased => "Les prénoms et âges des enfants ont été effacés.", "The children's first names and ages have been erased.";
    CancelRegistration => "Annuler mon inscription…", "Cancel my sign-up…";
    CancelRegistrationQuestion => "Annuler cette inscription ? Vos données sont effacées et vos places vont à la liste d'attente.", "Cancel this sign-up? Your data is erased and your seats go to the waiting list.";
    CancelRegistrationYes => "Oui, annuler l'inscription", "Yes, cancel the sign-up";
    KeepRegistration => "Garder mon inscription", "Keep my sign-up";
    EventUnderWay => "L'événement a commencé : cette inscription ne peut plus être modifiée ni annulée.", "The event has started: this sign-up can no longer be changed or cancelled.";
    EventOver => "Cet événement est passé : cette inscription ne peut plus être modifiée ni annulée.", "This event is over: this sign-up can no longer be changed or cancelled.";
    CancelledDone => "Votre inscription est annulée et vos données sont effacées. Merci de nous avoir prévenus.", "Your sign-up is cancelled and your data erased. Thank you for letting us know.";
}
}
