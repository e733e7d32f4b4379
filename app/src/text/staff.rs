//! Strings of the staff back-office.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the staff back-office.
StaffText {
    // Forms
    Yes => "Oui", "Yes";
    No => "Non", "No";
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
    EndTime => "Heure de fin", "End time";
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
