"""Status and code enums for case data. Values are stable: they appear in the case-file format.

The stage enum is mirrored in `casework.rules.lifecycle`, which owns the transition rules.
"""

from django.db import models

from casework.rules.lifecycle import Stage as RuleStage
from casework.rules.materials import MATERIAL_TYPES
from casework.rules.reporting import TRIAGE_REASONS

Stage = models.TextChoices("Stage", [(s.name, (s.value, s.label)) for s in RuleStage])


class CaseFlag(models.TextChoices):
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    HATE_CRIME = "hate_crime", "Hate crime"
    RASSO = "rasso", "Rape and serious sexual offences"
    YOUTH = "youth", "Youth defendant"
    ROAD_TRAFFIC = "road_traffic", "Road traffic"
    RETAIL_THEFT = "retail_theft", "Retail theft"
    DEATH = "death", "Involves a death"
    TERRORISM = "terrorism", "Terrorism or official secrets"
    CONSENT_REQUIRED = "consent_required", "DPP or Law Officer consent required"
    HARASSMENT_STALKING = "harassment_stalking", "Harassment or stalking"
    VIOLENT_DISORDER_AFFRAY = "violent_disorder_affray", "Violent disorder or affray"
    GBH_ABH_WOUNDING = "gbh_abh_wounding", "GBH, ABH or wounding"
    SOA_UNDER_18 = "soa_under_18", "Sexual offence by or upon a person under 18"
    LICENSING = "licensing", "Licensing Act 2003 offence"


class Initiation(models.TextChoices):
    """How proceedings start (SPI case initiation codes in brackets)."""

    CHARGE = "charge", "Charge (C)"
    POSTAL_REQUISITION = "postal_requisition", "Written charge and postal requisition (Q)"
    SUMMONS = "summons", "Summons (S)"
    SJP = "sjp", "Single Justice Procedure notice (J)"


class ChargingRoute(models.TextChoices):
    POLICE = "police", "Police may charge"
    CPS = "cps", "CPS decision required"


class ChargingCategory(models.TextChoices):
    RED = "red", "Red (custody, priority)"
    GREEN_PRIORITY = "green_priority", "Green priority"
    GREEN = "green", "Green"
    EARLY_ADVICE = "early_advice", "Early advice"


class AnticipatedPlea(models.TextChoices):
    GAP = "GAP", "Guilty anticipated plea"
    NGAP = "NGAP", "Not guilty anticipated plea"


class Venue(models.TextChoices):
    MAGISTRATES = "magistrates", "Magistrates' court"
    CROWN = "crown", "Crown Court"


class CaseOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    OUT_OF_COURT_DISPOSAL = "out_of_court_disposal", "Out-of-court disposal"
    CONVICTED = "convicted", "Convicted and sentenced"
    ACQUITTED = "acquitted", "Acquitted"
    DISCONTINUED = "discontinued", "Discontinued"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DISMISSED = "dismissed", "Dismissed"


class Gender(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"
    NOT_KNOWN = "not_known", "Not known"
    NOT_SPECIFIED = "not_specified", "Not specified"


class DefendantStatus(models.TextChoices):
    """Where the suspect or defendant is now (SPI custody/bail codes in brackets)."""

    POLICE_CUSTODY = "police_custody", "In police custody"
    PRE_CHARGE_BAIL = "pre_charge_bail", "On pre-charge bail"
    RUI = "released_under_investigation", "Released under investigation"
    NOT_ARRESTED = "not_arrested", "Not arrested (voluntary attendance or summons)"
    CONDITIONAL_BAIL = "conditional_bail", "On conditional bail (B)"
    UNCONDITIONAL_BAIL = "unconditional_bail", "On unconditional bail (U)"
    REMANDED_IN_CUSTODY = "remanded_in_custody", "Remanded in custody (C)"
    NOT_APPLICABLE = "not_applicable", "Not applicable (case concluded)"


class CustodyKind(models.TextChoices):
    POLICE_DETENTION = "police_detention", "Police detention (PACE)"
    REMAND = "remand", "Remanded in custody by a court"


class BailKind(models.TextChoices):
    PRE_CHARGE = "pre_charge", "Pre-charge bail"
    POST_CHARGE = "post_charge", "Post-charge police bail"
    COURT = "court", "Court bail"


class BailAuthority(models.TextChoices):
    """Who authorised a pre-charge bail period (PACE Part 4 as amended by PCSC Act 2022)."""

    CUSTODY_OFFICER = "custody_officer", "Custody officer (initial 3 months)"
    INSPECTOR = "inspector", "Inspector (extension to 6 months)"
    SUPERINTENDENT = "superintendent", "Superintendent (extension to 9 months)"
    COURT = "court", "Magistrates' court (beyond 9 months)"


class InterviewType(models.TextChoices):
    ROTI = "ROTI", "Record of taped interview (ROTI)"
    ROVI = "ROVI", "Record of video interview (ROVI)"
    SDN = "SDN", "Short descriptive note (SDN)"
    CONTEMPORANEOUS = "contemporaneous", "Contemporaneous notes"
    NOT_INTERVIEWED = "not_interviewed", "Not interviewed"


class InterviewAccount(models.TextChoices):
    FULL_ADMISSION = "full_admission", "Full admission"
    PARTIAL_ADMISSION = "partial_admission", "Partial admission"
    DENIAL = "denial", "Denial"
    NO_COMMENT = "no_comment", "No comment"
    PREPARED_STATEMENT = "prepared_statement", "Prepared statement"


class ModeOfTrial(models.TextChoices):
    SUMMARY = "summary", "Summary only"
    EITHER_WAY = "either_way", "Either way"
    INDICTABLE_ONLY = "indictable_only", "Indictable only"


class OffenceDateCode(models.IntegerChoices):
    """SPI offence date codes."""

    ON_OR_IN = 1, "On or in"
    BEFORE = 2, "Before"
    AFTER = 3, "After"
    BETWEEN = 4, "Between"
    ON_OR_ABOUT = 5, "On or about"
    ON_OR_BEFORE = 6, "On or before"


class ChargeStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed (pre-charge)"
    CHARGED = "charged", "Charged"
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    WITHDRAWN = "withdrawn", "Withdrawn or discontinued"
    CONCLUDED = "concluded", "Concluded"


class ChargingAuthority(models.TextChoices):
    POLICE = "police", "Police"
    CPS = "cps", "CPS"


class CodeTest(models.TextChoices):
    FULL_CODE = "full_code", "Full Code Test"
    THRESHOLD = "threshold", "Threshold Test"


class Plea(models.TextChoices):
    GUILTY = "guilty", "Guilty"
    NOT_GUILTY = "not_guilty", "Not guilty"
    NO_PLEA = "no_plea", "No plea taken"


class WitnessRole(models.TextChoices):
    VICTIM = "victim", "Victim"
    CIVILIAN = "civilian", "Civilian witness"
    POLICE = "police", "Police witness"
    EXPERT = "expert", "Expert witness"
    PROFESSIONAL = "professional", "Professional witness"


class VulnerabilityGround(models.TextChoices):
    """YJCEA 1999 s.16 (vulnerable) and s.17 (intimidated) grounds."""

    UNDER_18 = "under_18", "Under 18 (s.16(1)(a))"
    MENTAL_DISORDER = "mental_disorder", "Mental disorder (s.16(2)(a)(i))"
    LEARNING_DISABILITY = "learning_disability", "Significant impairment of intelligence and social functioning (s.16(2)(a)(ii))"
    PHYSICAL_DISABILITY = "physical_disability", "Physical disability or disorder (s.16(2)(b))"
    FEAR_OR_DISTRESS = "fear_or_distress", "Fear or distress about testifying (s.17(1))"
    SEXUAL_OFFENCE_COMPLAINANT = "sexual_offence_complainant", "Complainant in a sexual offence (s.17(4))"
    MODERN_SLAVERY_COMPLAINANT = "modern_slavery_complainant", "Complainant under ss.1–2 Modern Slavery Act 2015 (s.17(4))"
    DOMESTIC_ABUSE_COMPLAINANT = "domestic_abuse_complainant", "Complainant in a domestic abuse offence (s.17(4A))"
    WEAPONS_OFFENCE_WITNESS = "weapons_offence_witness", "Witness in a firearms or knife offence (s.17(5)–(7), Sch.1A)"


class SpecialMeasure(models.TextChoices):
    SCREENS = "s23_screens", "Screens (s.23)"
    LIVE_LINK = "s24_live_link", "Live link (s.24)"
    EVIDENCE_IN_PRIVATE = "s25_private", "Evidence in private (s.25)"
    WIGS_GOWNS = "s26_wigs_gowns", "Removal of wigs and gowns (s.26)"
    VIDEO_EVIDENCE_IN_CHIEF = "s27_video_eic", "Video-recorded evidence-in-chief (s.27)"
    VIDEO_CROSS_EXAMINATION = "s28_video_xx", "Pre-recorded cross-examination (s.28)"
    INTERMEDIARY = "s29_intermediary", "Intermediary (s.29)"
    COMMUNICATION_AIDS = "s30_aids", "Aids to communication (s.30)"


class EnhancedRightsCategory(models.TextChoices):
    """Victims' Code 2021: the three groups entitled to enhanced rights."""

    MOST_SERIOUS_CRIME = "most_serious_crime", "Victim of the most serious crime"
    PERSISTENTLY_TARGETED = "persistently_targeted", "Persistently targeted victim"
    VULNERABLE_INTIMIDATED = "vulnerable_intimidated", "Vulnerable or intimidated victim"


class ContactPreference(models.TextChoices):
    PHONE = "phone", "Phone"
    TEXT = "text", "Text message"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"


MaterialType = models.TextChoices(
    "MaterialType", [(code.replace("-", "_"), (code, label)) for code, label in MATERIAL_TYPES.items()]
)




class MaterialStatus(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    PROVIDED = "provided", "Provided"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class DisclosureClass(models.TextChoices):
    SERVED = "served", "Evidence (served)"
    UNUSED_NON_SENSITIVE = "unused_non_sensitive", "Unused, non-sensitive"
    UNUSED_SENSITIVE = "unused_sensitive", "Unused, sensitive"
    POLICE_CPS_ONLY = "police_cps_only", "Police–CPS only (never disclosed)"


class HearingType(models.TextChoices):
    FIRST = "first", "First hearing"
    REMAND = "remand", "Remand hearing"
    ALLOCATION = "allocation", "Allocation"
    PRELIMINARY = "preliminary", "Preliminary hearing (Crown Court)"
    PTPH = "ptph", "Plea and trial preparation hearing"
    MENTION = "mention", "Mention"
    TRIAL = "trial", "Trial"
    SENTENCE = "sentence", "Sentence"
    BREACH = "breach", "Breach of bail"
    CTL_EXTENSION = "ctl_extension", "CTL extension application"


class HearingOutcome(models.TextChoices):
    PENDING = "", "Not yet held"
    ADJOURNED = "adjourned", "Adjourned"
    GUILTY_PLEA = "guilty_plea", "Guilty plea entered"
    NOT_GUILTY_PLEA = "not_guilty_plea", "Not guilty plea entered"
    SENT_TO_CROWN = "sent_to_crown", "Sent to the Crown Court"
    COMMITTED_FOR_SENTENCE = "committed_for_sentence", "Committed for sentence"
    CONVICTED = "convicted", "Convicted after trial"
    ACQUITTED = "acquitted", "Acquitted"
    SENTENCED = "sentenced", "Sentenced"
    DISCONTINUED = "discontinued", "Discontinued or withdrawn"
    DISMISSED = "dismissed", "Dismissed"
    VACATED = "vacated", "Vacated"
    INEFFECTIVE = "ineffective", "Ineffective (trial did not go ahead)"
    CRACKED = "cracked", "Cracked (concluded without trial)"


class FileType(models.TextChoices):
    """File types/stages used by DG6 and practitioners (brief §2.3)."""

    PC_EXP = "PC-EXP", "Pre-charge, expedited (red)"
    PC_STD = "PC-STD", "Pre-charge, standard (green / green priority)"
    PC_EA = "PC-EA", "Early advice"
    FH_GAP = "FH-GAP", "First hearing, guilty anticipated plea"
    FH_NGAP = "FH-NGAP", "First hearing, not guilty anticipated plea"
    FH_CC = "FH-CC", "First hearing, Crown Court"
    UP_MC = "UP-MC", "Upgrade after not guilty plea (magistrates')"
    UP_OTH = "UP-OTH", "Other post-first-hearing file"
    UP_CC = "UP-CC", "Crown Court file after sending"
    BOB = "BOB", "Breach of bail"


class SubmissionOutcome(models.TextChoices):
    PENDING = "pending", "Awaiting CPS triage"
    COMPLIANT = "compliant", "NFS compliant"
    NON_COMPLIANT = "non_compliant", "NFS non-compliant"
    RED_REJECTED = "red_rejected", "Priority/red rejection"
    WITHDRAWN = "withdrawn", "Withdrawn"


# CPS triage reasons for an NFS non-compliant or rejected PCD request (brief §3.4, [CPSDH][V]); the
# reporting vocabulary in the rules core owns them, with the DGA category and training area of each.
TriageReason = models.TextChoices("TriageReason", [(t.code.upper(), (t.code, t.label)) for t in TRIAGE_REASONS])


class CPSDecisionKind(models.TextChoices):
    CHARGE = "charge", "Charge"
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    FURTHER_INFORMATION = "further_information", "Further information required (action plan)"
    OUT_OF_COURT_DISPOSAL = "out_of_court_disposal", "Out-of-court disposal"
    EARLY_ADVICE = "early_advice", "Early advice given"


class ActionPlanSource(models.TextChoices):
    CPS_PRE_CHARGE = "cps_pre_charge", "CPS pre-charge action plan"
    CPS_DGA = "cps_dga", "CPS Director's Guidance Assessment"
    COURT_DIRECTION = "court_direction", "Court direction"
    INTERNAL = "internal", "Internal"


class ItemStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class TaskKind(models.TextChoices):
    GENERAL = "general", "Task"
    NEEDS_ASSESSMENT = "needs_assessment", "Full needs assessment"
    WARN_FOR_TRIAL = "warn_for_trial", "Warn for trial"



class TaskOutcome(models.TextChoices):
    DONE = "done", "Done"
    CONCERNS = "concerns", "Done, with concerns (attendance, intimidation, needs not met)"
    NO_CONTACT = "no_contact", "Could not make contact"
    DECLINED = "declined", "Declined"
    NOT_NEEDED = "not_needed", "No longer needed"


class PartnerAgency(models.TextChoices):
    CPS = "cps", "CPS"
    COURT = "court", "Court"
    WITNESS_CARE = "witness_care", "Witness Care Unit"
    DEFENCE = "defence", "Defence"
    OTHER = "other", "Other agency"


class RequestPriority(models.TextChoices):
    URGENT = "urgent", "Urgent"
    HIGH = "high", "High"
    NORMAL = "normal", "Normal"


class AssignReason(models.TextChoices):
    INTAKE = "intake", "New file"
    ABSENCE = "absence", "Absence"
    WORKLOAD = "workload", "Balancing workload"
    DEPUTISING = "deputising", "Deputising"
    LEAVER = "leaver", "Moved or left"
