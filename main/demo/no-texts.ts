/**
 * Free-text variants for NO demo documents, so a large demo vault reads (and searches) less like one
 * text copied ten thousand times. All invented.
 */
export const NO_TEXTS = {
  concernDescription: [
    'Flere observasjoner over kort tid tyder på en mulig radikaliseringsprosess. Bekymringen drøftes med enhetsleder.',
    'Endret adferd etter overføring fra annen enhet: isolerer seg og søker kontakt med innsatte dømt for terror.',
    'Uttalelser i skoletimene og brev fra en ukjent avsender gir grunn til bekymring for voldelig ekstremisme.',
    'Kontaktbetjent melder om hatefulle utsagn mot en folkegruppe og interesse for våpen.',
  ],
  findings: [
    'Samtaler med kontaktbetjent og skole bekrefter bildet. Ingen kjente planer om vold.',
    'Gjennomgang av post og besøkslister viser kontakt med et oppdiktet ekstremt miljø; ingen konkrete trusler.',
    'Ingen nye hendelser siste uke; bekymringen opprettholdes inntil videre kartlegging er gjort.',
  ],
  risk: [
    'Sosial isolasjon, tidligere voldsdom, påvirkelig for ekstreme nettmiljøer.',
    'Rusproblemer og gjeld; søker tilhørighet i en gruppe som forherliger vold.',
    'Ung alder, svakt nettverk utenfor fengselet, sterk interesse for ekstrem propaganda.',
    'Tidligere trusler mot ansatte; stabil i perioder, men reagerer sterkt på avslag.',
  ],
  measures: [
    'Skole tre dager i uken og samtaler annenhver uke.',
    'Arbeid på verkstedet, samtaler med prest eller imam etter ønske, kartlegging av rus.',
    'Deltakelse i sinnemestringsprogram og ukentlige samtaler med kontaktbetjent.',
  ],
  measuresRevised: [
    'Skole tre dager i uken, samtaler annenhver uke, mentorordning fra neste måned.',
    'Arbeid på verkstedet, samtaler og tilbud om mentor gjennom KDI.',
    'Sinnemestringsprogram avsluttet; videre samtaler hver uke og utdanningsplan.',
  ],
  releasePlanning: [
    'Bolig og arbeid avklares med kommunen seks måneder før løslatelse.',
    'NAV og kommunen kobles inn; friomsorgskontoret deltar i løslatelsesmøtet.',
    'Botilbud i annen kommune vurderes for å bryte med tidligere miljø.',
  ],
  cooperation: [
    'Kriminalomsorgen følger opp i fengselet; politiet og PST orienteres om utganger; kommunen om bolig.',
    'Politiets radikaliseringskontakt holder kontakt med familien; PST orienteres ved endringer.',
    'Friomsorgskontoret overtar oppfølgingen etter løslatelse i samarbeid med kommunen.',
  ],
  informationShared: [
    'Politiet orienterte om kontakt med et oppdiktet nettverk; PST hadde ikke nye opplysninger.',
    'Kommunen har bolig klar fra løslatelsesdatoen; PST ba om varsel før utganger.',
    'Skolen melder god fremmøte; politiet har ingen nye opplysninger fra nettet.',
    'Familien ønsker kontakt; politiet vurderer bekymringssamtale med en bror.',
  ],
  decisions: [
    'Oppfølgingsplanen oppdateres; neste møte avtales.',
    'Utganger utsettes til neste møte; mentorordning søkes hos KDI.',
    'Løslatelsesmøte innkalles med friomsorgskontoret og kommunen.',
    'Samtaleopplegget videreføres; ny vurdering av sikkerhetsnivå om seks uker.',
  ],
} as const;
