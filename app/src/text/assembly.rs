//! Strings of the general assembly's pages, the voter's and the staff's: an enum of their own, so
//! that the members' bundle, which only links to the assembly, does not carry them.
//! A missing translation does not compile.

domain::messages! {
/// Strings of the general assembly's pages.
AssemblyText {
    AgTitle => "Assemblée générale", "General assembly";
    AgSaved => "Votre réponse est enregistrée.", "Your answer is saved.";
    AgOrdinary => "Assemblée générale ordinaire", "Ordinary general assembly";
    AgExtraordinary => "Assemblée générale extraordinaire", "Extraordinary general assembly";
    AgInTheRoom => "Salle de réunion de la cantine", "The cantine's meeting room";
    AgNoVoteStaff => "Les comptes de l'équipe ne votent pas : votez avec votre compte d'adhérent, si vous en avez un.", "Staff accounts do not vote: vote with your member account, if you have one.";
    AgNoVoteFeeEnds => "Vous ne pouvez pas voter : votre cotisation s'arrête le {date}, avant le jour de l'assemblée. Renouvelez-la et vous serez convoqué·e.", "You cannot vote: your fee ends on {date}, before the assembly's day. Renew it and you will be called.";
    AgNoVoteNoFee => "Vous ne pouvez pas voter : aucune cotisation ne couvre le jour de l'assemblée. Réglez-la et vous serez convoqué·e.", "You cannot vote: no fee covers the assembly's day. Pay it and you will be called.";
    AgRenew => "Ma cotisation : comment la régler", "My fee: how to pay it";
    AgYouCome => "Vous venez à l'assemblée.", "You come to the assembly.";
    AgYouFollow => "Vous suivez l'assemblée à distance.", "You follow the assembly remotely.";
    AgProxyAccepted => "Votre procuration est confiée à {name}, qui l'a acceptée.", "Your proxy is with {name}, who accepted it.";
    AgProxyRefused => "{name} a refusé votre procuration : choisissez quelqu'un d'autre, ou venez.", "{name} refused your proxy: choose someone else, or come.";
    AgProxyAsked => "Votre procuration est demandée à {name} : en attente de sa réponse.", "Your proxy is asked of {name}: waiting for their answer.";
    AgAnswerTitle => "Votre participation", "Taking part";
    AgHowLegend => "Comment participez-vous ?", "How do you take part?";
    AgCome => "Je viens", "I come";
    AgRemote => "Je suis à distance (en visio) et je vote depuis mon téléphone", "I follow remotely (by video) and vote from my phone";
    AgProxy => "Je ne peux pas venir : je donne ma procuration", "I cannot come: I give my proxy";
    AgProxyTo => "À qui ?", "To whom?";
    AgProxyHint => "Un·e autre adhérent·e à jour, qui accepte ou refuse. Une procuration ne se transmet pas.", "Another member up to date, who accepts or refuses. A proxy cannot be passed on.";
    AgChoose => "Choisissez une personne", "Choose a person";
    AgSend => "Enregistrer ma réponse", "Save my answer";
    AgAnswersClosed => "Les réponses sont closes : l'assemblée a commencé.", "Answers are closed: the assembly has begun.";
    AgOffersTitle => "Procurations qu'on vous confie", "Proxies you are asked to hold";
    AgOffersLead => "Vous voterez aussi pour elles et eux. Les statuts permettent d'en détenir {max}.", "You will vote for them too. The statutes allow holding {max}.";
    AgOfferAccepted => "acceptée", "accepted";
    AgOfferAsked => "attend votre réponse", "waiting for your answer";
    AgAccept => "Accepter la procuration de {name}", "Accept {name}'s proxy";
    AgGiveBack => "Rendre la procuration", "Give the proxy back";
    AgRefuse => "Refuser", "Refuse";
    AgBoardTitle => "Le conseil d'administration", "The board";
    AgBoardUntil => "Candidatures jusqu'au {date}.", "Candidacies until {date}.";
    AgWithdraw => "Retirer ma candidature", "Withdraw my candidacy";
    AgStand => "Je me présente au conseil", "I stand for the board";
    AgNoCandidates => "Aucune candidature pour l'instant.", "No candidacy yet.";
    AgCandidates => "Candidat·es :", "Candidates:";
    AgSimple => "Vote à la majorité simple", "Voted by simple majority";
    AgAbsolute => "Vote à la majorité absolue", "Voted by absolute majority";
    AgTwoThirds => "Vote à la majorité des deux tiers", "Voted by a two-thirds majority";
    AgAgenda => "Ordre du jour", "Agenda";
    AgSeats => "Élection : {n} sièges", "Election: {n} seats";
    // Staff
    AgStaffLead => "Préparez l'assemblée (date, lieu, ordre du jour), puis convoquez : chaque votant reçoit un courriel avec l'ordre du jour et sa page pour répondre. Votent les adhérent·es à jour le jour de l'assemblée.", "Prepare the assembly (date, place, agenda), then convene: every voter gets an email with the agenda and their page to answer. Voters are the members up to date on the assembly's day.";
    AgNone => "Aucune assemblée préparée.", "No assembly prepared.";
    AgStatusDraft => "En préparation", "Being prepared";
    AgStatusConvened => "Convoquée", "Convened";
    AgStatusClosed => "Close", "Closed";
    AgVotersLine => "{voters} votants aujourd'hui · quorum : {quorum} voix", "{voters} voters today · quorum: {quorum} voices";
    AgPrepareTitle => "Préparer une assemblée", "Prepare an assembly";
    AgFieldKind => "Type d'assemblée", "Kind of assembly";
    AgFieldStarts => "Début", "Starts";
    AgFieldEnds => "Fin", "Ends";
    AgFieldInRoom => "Dans la salle de réunion (réservée du même coup)", "In the meeting room (held at the same time)";
    AgFieldPlace => "Lieu", "Place";
    AgFieldCandidacy => "Candidatures au conseil jusqu'au", "Candidacies for the board until";
    AgCandidacyHint => "Avant le jour de l'assemblée ; demandé quand l'ordre du jour élit le conseil.", "Before the assembly's day; asked when the agenda elects the board.";
    AgAgendaLegend => "Ordre du jour", "Agenda";
    AgQuestionsLast => "Questions diverses (toujours en dernier)", "Any other business (always last)";
    AgAddItem => "Ajouter un point", "Add an item";
    AgRemoveItem => "Retirer le point {n}", "Remove item {n}";
    AgItemKind => "Nature du point", "Kind of item";
    AgItemInformation => "Point d'information", "Item to read";
    AgItemResolution => "Résolution soumise au vote", "Resolution to vote";
    AgItemElection => "Élection du conseil d'administration", "Election of the board";
    AgItemTitleFr => "Intitulé (français)", "Title (French)";
    AgItemTitleEn => "Intitulé (anglais)", "Title (English)";
    AgItemBody => "Texte ou document (Markdown)", "Text or document (Markdown)";
    AgItemMajority => "Majorité requise", "Majority required";
    AgItemSeats => "Sièges à pourvoir", "Seats to fill";
    AgUsualMoral => "Approbation du rapport moral", "Approval of the activity report";
    AgUsualAccounts => "Approbation des comptes de l'exercice", "Approval of the year's accounts";
    AgUsualFee => "Montant de la cotisation", "Amount of the membership fee";
    AgUsualBoard => "Élection du conseil d'administration", "Election of the board";
    AgPrepare => "Préparer l'assemblée", "Prepare the assembly";
    AgPrepared => "Assemblée préparée : ouvrez-la dans la liste pour convoquer.", "Assembly prepared: open it in the list to convene.";
    AgBackToList => "Toutes les assemblées", "All assemblies";
    AgStatutesLine => "Statuts : quorum {quorum} % des votants, {proxies} procurations par personne au plus, convocation {notice} jours avant au moins.", "Statutes: quorum {quorum}% of the voters, at most {proxies} proxies each, notice of {notice} days at least.";
    AgRemoteAllowed => "Vote à distance permis.", "Remote voting allowed.";
    AgRemoteNot => "Pas de vote à distance.", "No remote voting.";
    AgQuorumLine => "{voters} votants · quorum : {quorum} voix · {expected} voix annoncées (présents, à distance et procurations acceptées)", "{voters} voters · quorum: {quorum} voices · {expected} voices announced (present, remote and proxies accepted)";
    AgConveneBy => "La convocation doit partir au plus tard le {date}.", "The convocation must leave by {date} at the latest.";
    AgConvene => "Convoquer les votants…", "Convene the voters…";
    AgConveneQuestion => "Envoyer la convocation aux votants d'aujourd'hui ? Ceux qui renouvellent ensuite la recevront à leur tour.", "Send the convocation to today's voters? Those who renew later will get it too.";
    AgConveneYes => "Oui, convoquer", "Yes, convene";
    AgConvenedNow => "Convocation envoyée à {n} votants.", "Convocation sent to {n} voters.";
    AgAnswers => "Réponses des votants", "Voters' answers";
    AgNoAnswers => "Personne n'a encore répondu.", "Nobody has answered yet.";
    AgColCandidate => "candidat·e au conseil", "standing for the board";
    AgColWaiting => "en attente de sa réponse", "waiting for their answer";
    AgColComes => "vient", "comes";
    AgColRemote => "à distance", "remote";
    AgColRefused => "refusée", "refused";
    AgColProxyTo => "procuration à {name} ({state})", "proxy to {name} ({state})";
}
}
