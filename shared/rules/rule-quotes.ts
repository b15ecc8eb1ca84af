/**
 * The sentence of the source text each rule and due item rests on, quoted exactly (whitespace aside)
 * from `../shared/seeds/`: the NO guideline for a NO provision, the DK circular for a DK one, and for
 * Bro's practice the provision it reads. A test checks every quote against the seed and that it lies
 * within the paragraph the rule cites; `npm run rules:report` prints them beside the rules. Bro's
 * practice that reads no provision (gradings of exports, kinds per profile) has no quote: its reason
 * is in the rules catalog.
 */
export const RULE_QUOTES: Readonly<Record<string, string>> = {
  'no.observation.when':
    'Observasjoner og eller informasjon som fremkommer skal dokumenteres skriftlig dersom det i seg selv eller som en del av et større bilde kan tyde på radikalisering.',
  'no.observation.observer': 'Observasjoner og eller informasjon som fremkommer skal dokumenteres skriftlig',
  'no.observation.what': 'Observasjoner og eller informasjon som fremkommer skal dokumenteres skriftlig',
  'no.observation.source':
    'Kartleggingen må sees i sammenheng med informasjon som fremkommer av kjennelse, dom eller informasjon gitt av andre.',
  'no.concern.description':
    'Dersom det foreligger en bekymring, enten på bakgrunn av observasjoner eller gjennom dom, kjennelse eller informasjon fra andre, skal det iverksettes en undersøkelse knyttet til bekymringen.',
  'no.concern.investigation': 'skal det iverksettes en undersøkelse knyttet til bekymringen.',
  'no.concern.position': 'Som en del av oppfølgingen av bekymringen skal det særskilt tas stilling til:',
  'no.concern.positionReasoning': 'Som en del av oppfølgingen av bekymringen skal det særskilt tas stilling til:',
  'no.concernReport.cause': 'Årsak til bekymring',
  'no.concernReport.measures': 'Hvilke tiltak som er eller vurderes iverksatt',
  'no.concernReport.notified': 'Hvem som er varslet om bekymringen',
  'no.concernReport.recipient': 'skal lokalt nivå sendes bekymringsmelding til politiet og PST.',
  'no.concernReport.copy': 'Regionalt nivå og KDI skal varsles med kopi av oversendelsen.',
  'no.plan.withoutParticipation':
    'Utarbeidelse av planen skal skje uten den varetektsinnsattes/ domfeltes medvirkning.',
  'no.plan.unitHead': 'Enhetsleder er ansvarlig for at det utarbeides oppfølgingsplan og planens innhold.',
  'no.plan.completionAssessment':
    'Ferdig utarbeidet oppfølgingsplan skal særskilt vurderes med tanke på behandling av personopplysninger og gradering',
  'no.plan.emptySection':
    'Utarbeidelse av oppfølgingsplanen skal bidra til å kvalitetssikre at kriminalomsorgen kartlegger og vurderer risiko og sårbarhetsfaktorer.',
  'no.plan.emptySecuritySection':
    'Sikkerhetstiltak, herunder vurdering av enhet/sikkerhetsnivå for videre straffegjennomføring /varetekt og aktuelle kontrolltiltak',
  'no.plan.copyRegionKdi':
    'Regionalt nivå og KDI skal ha kopi av oppfølgingsplan og fortløpende holdes orientert om eventuelle endringer.',
  'no.futurePlan.offered': 'tilbys en realistisk fremtidsplan i tillegg til særskilt oppfølgingsplan',
  'no.futurePlan.separate': 'men det er viktig at disse planene holdes adskilt.',
  'no.meeting.date': 'Som en del av arbeidet med å utarbeide oppfølgingsplanen skal det avholdes koordineringsmøter.',
  'no.meeting.participant':
    'I møtene deltar ansatte fra kriminalomsorgen som arbeider med den domfelte, politiet og PST.',
  'no.meeting.probationOffice':
    'Friomsorgskontorene vil ha en særlig viktig rolle i dette møte og bør involveres så tidlig som mulig.',
  'no.visitRoutine.mentor': 'Navn og kontaktinformasjon til mentor',
  'no.visitRoutine.arrangements': 'Avtaler rundt besøk, herunder hyppighet, bestilling, gjennomføring, rom mv',
  'no.visitRoutine.items': 'Avklaringer rundt mentors mulighet til å med bringe bøker, blader, effekter mv',
  'no.visitRoutine.otherMatters': 'Andre forhold som kan ha betydning for både mentor sitt arbeidsforhold og enheten',
  'no.visitRoutine.contactPerson':
    'Det er lokal radikaliseringskontakt som er kontaktpersonen for mentor og mentorordningen med mindre det særskilt avtales noe annet.',
  'no.course.feedback':
    'Dersom KDI kommer til at den domfelte ikke er i målgruppen eller kan nyttiggjøre seg av tilbudet, vil det gis en skriftlig tilbakemelding om dette.',
  'no.course.plan':
    'Når det er besluttet å tilby mentorforløp og den domfelte er positiv til dette, skal KDI utarbeide en plan for gjennomføringen.',
  'no.course.consent': 'Når det er besluttet å tilby mentorforløp og den domfelte er positiv til dette',
  'no.course.endConfirmation': 'KDI vil da skriftlig bekrefte at avtalen opphører.',
  'no.course.unknownMentor': 'I utvelgelsen skal det foretas en egnethetsvurdering knyttet til det særskilte oppdrag.',
  'no.course.policeCertificate': 'Mentorer må kunne fremlegge uttømmende politiattest.',
  'no.course.contract': 'Mentorene jobber på oppdrag og inngår oppdragsavtale med KDI i hvert enkelt tilfelle.',
  'no.course.confidentiality': 'Mentor har underskrevet erklæring om taushetsplikt',
  'no.course.municipality':
    'Som en del av planlegging av løslatelsen eller avslutning av straffegjennomføringen, må ansvarlig kommune kontaktes i forbindelse med eventuell videreføring av mentorforløp.',
  'no.course.cooperationMeeting':
    'Underveis i mentorforløpet skal det gjennomføres samarbeidsmøter mellom KDI og enheten.',
  'no.grading.profile':
    'Dersom det er grunnlag for gradering av dokument, skal dette skje i samsvar med sikkerhetsloven og beskyttelsesinstruksen.',
  'due.no_plan_copy_region':
    'Regionalt nivå og KDI skal ha kopi av oppfølgingsplan og fortløpende holdes orientert om eventuelle endringer.',
  'due.no_plan_copy_kdi':
    'Regionalt nivå og KDI skal ha kopi av oppfølgingsplan og fortløpende holdes orientert om eventuelle endringer.',
  'due.no_next_meeting': 'Som hovedregel gjennomføres møtene flere ganger i løpet av gjennomføringstiden',
  'due.no_meeting_action': 'Det skal avholdes møter underveis i gjennomføringen som en oppfølging av samarbeidet.',
  'due.no_concern_report':
    'Dersom det foreligger informasjon som gir grunnlag for bekymring skal lokalt nivå sendes bekymringsmelding til politiet og PST.',
  'due.no_startup_meeting':
    'Dersom bekymringen oppstår under gjennomføring skal det innkalles til møte så tidlig som mulig etter at bekymringen oppstår.',
  'due.no_infoflyt_request':
    'Dersom lokalt eller regionalt nivå mener det bør foretas slik registrering, skal det sendes anmodning til KDI om dette.',
  'due.no_release_meeting':
    'Når det nærmer seg løslatelse eller overføring til straffegjennomføring i samfunnet skal det avholdes møte',
  'no.course.personInformed':
    'Enhetene har ansvar for å informere, oppfordre og oppmuntre alle domfelte som befinner seg i målgruppen til å ta del i mentorordningen.',
  'no.course.suitabilityAssessment':
    'I utvelgelsen skal det foretas en egnethetsvurdering knyttet til det særskilte oppdrag.',
  'no.course.notSuitable': 'I utvelgelsen skal det foretas en egnethetsvurdering knyttet til det særskilte oppdrag.',
  'no.course.otherMeasures': 'I slike tilfeller må enheten vurdere andre egnede tiltak.',
  'no.course.notifyDuty':
    'Mentor har varslingsplikt dersom det foreligger informasjon om begått eller planlagt fremtidig alvorlig kriminalitet og når det er fare for liv og helse.',
  'no.course.notProxy':
    'Mentor skal ikke opptre som fullmektig for domfelte under straffegjennomføringen. Mentorene skal gjøre den domfelte oppmerksom på dette.',
  'no.course.objectionToKdi':
    'Dersom lokalt eller regionalt nivå har informasjon eller innsigelser som kan ha betydning for en beslutning om gjennomføring av mentorforløp skal dette meldes KDI.',
  'no.case.targetGroup':
    'Det avgjørende er hvorvidt den innsatte eller domfelte er sårbar for radikalisering og rekruttering til voldelig ekstremisme.',
  'no.case.infoflytRequest':
    'Dersom lokalt eller regionalt nivå mener det bør foretas slik registrering, skal det sendes anmodning til KDI om dette.',
  'no.plan.involved':
    'I arbeidet med å utarbeide planen, må radikaliseringskontakten involvere de som har kjennskap til den domfelte og som har ansvar for oppfølgingen av den enkelte.',
  'no.plan.agencyProblemReported':
    'Dersom Kriminalomsorgen opplever utfordringer i samarbeidet med andre etater, henstilles det til at dette omgående innmeldes tjenestevei til KDI.',
  'due.no_arrival_meeting':
    'Det skal avholdes møte ved innkomst eller i starten av straffegjennomføringen for å etablere samarbeidet.',
  'due.no_visit_routine':
    'Dersom det etableres et mentorforløp, er lokal radikaliseringskontakt ansvarlig for at det utarbeides rutiner for gjennomføring av mentorbesøk',
  'due.no_future_plan': 'tilbys en realistisk fremtidsplan i tillegg til særskilt oppfølgingsplan',
  'due.no_agency_problem_report':
    'Dersom Kriminalomsorgen opplever utfordringer i samarbeidet med andre etater, henstilles det til at dette omgående innmeldes tjenestevei til KDI.',
  'due.no_cooperation_meeting':
    'Underveis i mentorforløpet skal det gjennomføres samarbeidsmøter mellom KDI og enheten.',
  'due.no_municipality_contact':
    'Som en del av planlegging av løslatelsen eller avslutning av straffegjennomføringen, må ansvarlig kommune kontaktes i forbindelse med eventuell videreføring av mentorforløp.',

  'dk.eligibility.basis': 'Kriminalforsorgen kan tildele dømte, der er undergivet tilsyn, en mentor, hvis den dømte',
  'dk.eligibility.supervision': 'Kriminalforsorgen kan tildele dømte, der er undergivet tilsyn, en mentor',
  'dk.eligibility.lsRnr': 'ved afdækning af risiko- og behovsniveau (LS/RNR) vurderes at ligge i gruppen',
  'dk.eligibility.lsRnrException': 'hvis helt særlige omstændigheder i det enkelte tilfælde taler for det.',
  'dk.eligibility.lsRnrExceptionBasis':
    'Kriminalforsorgen kan tildele en mentor til dømte, der ikke opfylder betingelserne i stk. 1, nr. 1,',
  'dk.eligibility.specialNeed': 'har et særligt behov for støtte og vejledning, som ikke kan dækkes på anden måde',
  'dk.eligibility.motivated': 'er motiveret for at indgå i et mentorforløb.',
  'dk.eligibility.releaseDate': 'en mentor i indtil 3 måneder før forventet løsladelse.',
  'dk.eligibility.releasePreparation': 'Kriminalforsorgen kan som led i et udslusningsforløb tildele indsatte',
  'dk.eligibility.threeMonths': 'en mentor i indtil 3 måneder før forventet løsladelse.',
  'dk.eligibility.continuation': 'at mentorforløbet fortsætter efter løsladelsen.',
  'dk.eligibility.continuationException': 'Det er som udgangspunkt en forudsætning',
  'dk.eligibility.voluntarySupervision': 'undergiver sig frivilligt tilsyn, jf. tilsynsbekendtgørelsens § 13.',
  'dk.eligibility.voluntaryContinuation': 'undergiver sig frivilligt tilsyn, jf. tilsynsbekendtgørelsens § 13.',
  'dk.eligibility.hadMentor':
    'Kriminalforsorgen kan beslutte, at dømte, der i tilsynsperioden har været tildelt en mentor, kan fortsætte forløbet, når tilsynsperioden ophører.',
  'dk.suitability.unknownMentor': 'Som mentor kan kriminalforsorgen udpege personer, der',
  'dk.suitability.birthDate': 'er fyldt 18 år,',
  'dk.suitability.age': 'er fyldt 18 år,',
  'dk.suitability.danish': 'forstår og taler dansk,',
  'dk.suitability.cooperate':
    'er indstillet på at samarbejde med kriminalforsorgen, andre relevante myndigheder samt personer omkring den dømte',
  'dk.suitability.document': 'er indstillet på at dokumentere sit arbejde, jf. § 17.',
  'dk.suitability.ownUnit':
    'ikke være mentor for dømte, der er i tilsyn i den afdeling af kriminalforsorgen i frihed, hvor den pågældende er ansat',
  'dk.suitability.ownUnitException': 'Medarbejdere i kriminalforsorgen kan udpeges som mentor.',
  'dk.suitability.ownUnitUnknown': 'Medarbejdere i kriminalforsorgen kan udpeges som mentor.',
  'dk.suitability.closeRelation': 'Nærtstående personer til den dømte kan ikke udpeges som mentor.',
  'dk.suitability.closeRelationUnknown': 'Nærtstående personer til den dømte kan ikke udpeges som mentor.',
  'dk.suitability.recordCheck':
    'Kriminalforsorgen skal efter indhentet skriftligt samtykke undersøge, om den pågældende er registreret i kriminalregisteret.',
  'dk.suitability.recordConsent': 'Kriminalforsorgen skal efter indhentet skriftligt samtykke undersøge',
  'dk.suitability.recordBeforeConsent': 'Kriminalforsorgen skal efter indhentet skriftligt samtykke undersøge',
  'dk.suitability.registeredReasoning':
    'Udpegning af en mentor, som er registreret i kriminalregistret, kan ske, hvis den pågældende findes egnet som mentor på trods af registreringen.',
  'dk.suitability.registeredSuitable':
    'Udpegning af en mentor, som er registreret i kriminalregistret, kan ske, hvis den pågældende findes egnet som mentor på trods af registreringen.',
  'dk.suitability.proposal':
    'Forinden etablering af et mentorforløb skal den dømte have lejlighed til at fremkomme med forslag til en mentor.',
  'dk.course.decidingArea':
    'Beslutning om etablering af et mentorforløb, udpegning af mentor samt ophør af mentorforløb træffes af det kriminalforsorgsområde, hvor den dømte er i tilsyn, eller forventes at komme i tilsyn ved løsladelsen.',
  'dk.course.decidingAreaMismatch':
    'træffes af det kriminalforsorgsområde, hvor den dømte er i tilsyn, eller forventes at komme i tilsyn ved løsladelsen.',
  'dk.course.noMentor': 'Beslutning om etablering af et mentorforløb, udpegning af mentor',
  'dk.course.mentorNeed':
    'Handleplanen skal bl.a. indeholde en beskrivelse af den dømtes behov for at få tilknyttet en mentor.',
  'dk.course.divisionOfWork':
    'Aftaler om opgavefordeling mellem mentor og kriminalforsorgen skal fremgå af den dømtes handleplan.',
  'dk.course.startMeeting': 'aftales de nærmere retningslinjer for samarbejdet på et møde mellem de relevante parter.',
  'dk.course.responsible':
    'Kriminalforsorgsområdet er forpligtet til at udpege en person, som er ansvarlig for det enkelte mentorforløb og for samarbejdet med mentor.',
  'dk.course.noSubsidy': 'Der ydes ikke tilskud til transport, telefon, porto eller lignende.',
  'dk.course.otherSubsidy': 'Der ydes ikke tilskud til transport, telefon, porto eller lignende.',
  'dk.course.pedagogical': 'Kriminalforsorgsområdet kan i begrænset omfang yde tilskud til aktiviteter',
  'dk.course.endReason': 'Mentorforløbet ophører,',
  'dk.course.startDate': 'mødes hver tredje måned',
  'dk.report.templateElement': 'Statusrapporterne udarbejdes i en særlig skabelon.',
  'dk.course.mentortovholder': 'Kriminalforsorgsområdet skal udpege et antal mentortovholdere',
  'dk.workload.halfTime':
    'Kriminalforsorgsområdet skal påse, at den enkelte mentors arbejdsopgaver ikke overstiger, hvad der svarer til en halvtidsstilling.',
  'dk.course.goals':
    'Mentoren skal i samarbejde med kriminalforsorgen støtte den dømte i at opnå de mål, der opstilles i handleplanen.',
  'dk.mentor.confidentialityDuty': 'Mentor er underlagt tavshedspligt, jf. forvaltningslovens § 27.',
  'dk.mentor.notifyDuty':
    'Mentor har pligt til at underrette kriminalforsorgen, hvis mentor bliver bekendt med, at den dømte har begået strafbart forhold.',
  'dk.course.supervisionAreaContact':
    'tager kriminalforsorgsområdet i de tilfælde, hvor et andet kriminalforsorgsområde skal varetage tilsynet, kontakt til dette kriminalforsorgsområde herom',
  'dk.course.feeBasis': 'Kriminalforsorgsområdet fastsætter honorarets størrelse ud fra en vurdering af opgavens',
  'due.dk_monthly_report': 'månedligt ved statusrapporter eller telefonisk afrapportering, og',
  'due.dk_quarterly_report':
    'en kort statusrapport eller telefonisk afrapportering hver tredje måned som oplæg til samtalen i forbindelse med handleplansevalueringen',
  'due.dk_quarterly_meeting':
    'De relevante parter, jf. § 12, mødes hver tredje måned, hvor opfølgning og eventuel revurdering af handleplanen drøftes.',
};
