"""Generated from ontology/kbgraph.ttl by kbgraph.ontology.codegen — do not edit."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KB(DefinedNamespace):
    """Terms of the kbgraph ontology (closed: unknown names raise)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kbgraph/ontology#")

    ActionPlan: URIRef
    Ceremony: URIRef
    City: URIRef
    CivilSocietyOrganization: URIRef
    CoordinationMeeting: URIRef
    Country: URIRef
    DevelopmentPlan: URIRef
    DirectQuote: URIRef
    District: URIRef
    Division: URIRef
    Evidence: URIRef
    GovernmentAgency: URIRef
    GovernmentLevels: URIRef
    HonoraryPost: URIRef
    Launch: URIRef
    LevelDesa: URIRef
    LevelKabupaten: URIRef
    LevelKecamatan: URIRef
    LevelKota: URIRef
    LevelLiniLapangan: URIRef
    LevelProvinsi: URIRef
    LevelPusat: URIRef
    Meeting: URIRef
    Mention: URIRef
    NameChange: URIRef
    NameInTime: URIRef
    NewsPublisher: URIRef
    PolicyFramework: URIRef
    PolicyPriority: URIRef
    PoliticalAgenda: URIRef
    Program: URIRef
    Province: URIRef
    ReferenceSource: URIRef
    Regency: URIRef
    RegionalAgency: URIRef
    RegionalGovernment: URIRef
    Regulation: URIRef
    ReportedSpeech: URIRef
    RepresentativeOffice: URIRef
    Sentence: URIRef
    Socialization: URIRef
    Statement: URIRef
    StrategicPlan: URIRef
    TaskForce: URIRef
    Training: URIRef
    Venue: URIRef
    Village: URIRef
    WorkMeeting: URIRef
    WorkingGroup: URIRef
    abbreviation: URIRef
    alignsWith: URIRef
    chairedBy: URIRef
    chairs: URIRef
    concerns: URIRef
    contentHash: URIRef
    durationDays: URIRef
    followedUpBy: URIRef
    followsUp: URIRef
    formerName: URIRef
    governmentLevel: URIRef
    guides: URIRef
    hadName: URIRef
    hasSubProgram: URIRef
    jurisdiction: URIRef
    kemendagriCode: URIRef
    legalBasis: URIRef
    mentionedIn: URIRef
    nameChange: URIRef
    nameText: URIRef
    nameValidFrom: URIRef
    newName: URIRef
    openedBy: URIRef
    organizedBy: URIRef
    organizes: URIRef
    partOfProgram: URIRef
    participantCount: URIRef
    period: URIRef
    priorityNumber: URIRef
    priorityOf: URIRef
    publishedText: URIRef
    regulationNumber: URIRef
    regulationType: URIRef
    regulationYear: URIRef
    renamedTo: URIRef
    runBy: URIRef
    runs: URIRef
    sentenceIndex: URIRef
    sourcePath: URIRef
    supports: URIRef
    validFrom: URIRef
    validUntil: URIRef
    wikidataId: URIRef
    year: URIRef
