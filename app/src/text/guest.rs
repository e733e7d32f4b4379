//! Strings of the public site and of the journeys without an account (joining, logging in, the room's rental, private links).
//! A missing translation does not compile.

domain::messages! {
/// Strings of the public site and of the journeys without an account (joining, logging in, the room's rental, private links).
GuestText {
    // Home
    // Coworking
    // Room
    MemberBooksRoom => "Vous êtes adhérent : réservez la salle depuis la page « Réserver ». Pour une demande au nom d'une entreprise, ce formulaire applique le tarif adhérent si votre adhésion est à jour.", "You are a member: book the room from the “Book” page. For a request on behalf of a company, this form applies the member rate if your membership is current.";
    MemberRateApplied => "Tarif adhérent appliqué.", "Member rate applied.";
    ChooseDateFirst => "Choisissez d'abord une date : les créneaux libres s'affichent ici.", "Choose a date first: the free time slots show here.";
    RoomNotFreeThatDay => "La salle n'est pas disponible ce jour-là : choisissez une autre date.", "The room is not available that day: choose another date.";
    TakenPeriodsDisabled => "Les créneaux déjà pris ne peuvent pas être choisis.", "Time slots already taken cannot be chosen.";
    PeriodFree => " — libre", " — free";
    PeriodTaken => " — déjà prise", " — already taken";
    PeriodPast => " — date passée", " — date past";
    PeriodClosed => " — cantine fermée", " — closed";
    DayPast => "Cette date est passée : choisissez un jour à venir.", "This date has passed: choose a day ahead.";
    DayClosed => "La cantine est fermée ce jour-là (week-end, jour férié ou fermeture) : choisissez un autre jour.", "Silicon Kerne is closed that day (weekend, public holiday or closure): choose another day.";
    // Clubs
    // Education
    // Partners
    // About
    // Join
    JoinTitle => "Adhérer à Silicon Kerne", "Join Silicon Kerne";
    // Not found
    // Forms
    DataPolicy => "Silicon Kerne utilise ces informations uniquement pour examiner votre demande et gérer votre adhésion ; elles ne sont jamais cédées. Une fois adhérent, vous pouvez les exporter ou les supprimer depuis votre espace.", "Silicon Kerne uses this information only to review your application and manage your membership; it is never passed on. Once a member, you can export or delete it from your area.";
    JoinLead => "Remplissez ce formulaire : le concierge examine votre demande et vous répond par courriel.", "Fill in this form: the concierge reviews your application and answers by email.";
    FeeIncludes => "L'adhésion coûte {fee} par an. Elle comprend les postes de coworking, la salle de réunion réservée pour votre travail sans supplément ({quota} par semaine au plus), les clubs et leurs réunions, l'annuaire des adhérents. Louer la salle pour un événement suit le tarif adhérent.", "Membership costs {fee} a year. It includes coworking desks, the meeting room booked for your work at no extra cost ({quota} a week at most), the clubs and their meetings, the members' directory. Renting the room for an event is at the members' rate.";
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
    QuoteTransfer => "Règlement par virement : IBAN {iban}, au nom de Silicon Kerne, en rappelant le numéro du devis.", "Payment by bank transfer: IBAN {iban}, to Silicon Kerne, quoting the quote's number.";
}
}
