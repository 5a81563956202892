"""The case aggregate: a case, its suspects/defendants and their offences, witnesses and victims,
materials, hearings, CPS submissions and decisions, action plans, tasks and its event timeline.

Writes go through `services.py` (one transaction, with an event row); reads through
`selectors.py`. Child records carry a `ref` unique within the case (D1, W2, M14 …): the
case-file format uses refs, never database ids, so files move between systems.
"""

from django.conf import settings
from django.db import models

from casework.rules.identifiers import validate_urn

from . import constants as c


def _validate_urn(value: str) -> None:
    from django.core.exceptions import ValidationError

    result = validate_urn(value)
    if not result.ok:
        raise ValidationError(result.problem)


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(stage=c.Stage.FINALISED)

    def in_hub(self, unit):
        return self.filter(hub=unit)

    def with_flag(self, flag: str):
        return self.filter(**{f"flag_{flag}": True})


class Case(models.Model):
    FLAGS = [f.value for f in c.CaseFlag]

    urn = models.CharField("URN", max_length=13, unique=True, validators=[_validate_urn])
    force_code = models.CharField(max_length=2)
    hub = models.ForeignKey("people.Unit", on_delete=models.PROTECT, related_name="hub_cases")
    lpa = models.ForeignKey(
        "people.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="lpa_cases",
        verbose_name="local policing area",
    )
    crime_reference = models.CharField(max_length=40, blank=True)
    cps_unit_code = models.CharField("CPS unit OU code", max_length=7, blank=True)
    summary = models.TextField(blank=True)
    restricted = models.BooleanField(default=False)
    restriction_reason = models.CharField(max_length=200, blank=True)
    named_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="named_cases",
        help_text="People allowed to see the case besides the OIC, supervisor and case progression officer "
                  "(for restricted cases, the only others)",
    )

    charging_route = models.CharField(max_length=10, choices=c.ChargingRoute.choices, blank=True)
    charging_category = models.CharField(max_length=20, choices=c.ChargingCategory.choices, blank=True)
    anticipated_plea = models.CharField(max_length=4, choices=c.AnticipatedPlea.choices, blank=True)
    venue = models.CharField(max_length=12, choices=c.Venue.choices, blank=True)
    initiation = models.CharField(max_length=20, choices=c.Initiation.choices, blank=True)
    compensation_sought = models.BooleanField(default=False)
    devices_seized = models.BooleanField("digital devices seized", default=False)
    initial_disclosure_on = models.DateField(
        "initial disclosure served on", null=True, blank=True,
        help_text="The day the prosecutor complied with s.3 CPIA 1996 (starts the defence statement period)",
    )
    file_stage = models.CharField(
        "file stage (reviewer's choice)", max_length=10, choices=c.FileType.choices, blank=True,
        help_text="Blank: Casework works the file stage out from the case's facts.",
    )
    stage = models.CharField(max_length=20, choices=c.Stage.choices, default=c.Stage.PRE_CHARGE,
                             db_index=True)
    outcome = models.CharField(max_length=30, choices=c.CaseOutcome.choices, blank=True)
    finalised_on = models.DateField(null=True, blank=True)

    oic = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                            on_delete=models.PROTECT, related_name="oic_cases",
                            verbose_name="officer in the case")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="supervised_cases")
    caseworker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="assigned_cases",
                                   verbose_name="case progression officer")
    received_at = models.DateTimeField(null=True, blank=True,
                                       help_text="When the Criminal Justice Unit received the file")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(
        default=0, help_text="Advanced by every change: an edit made from an older revision is refused"
    )

    # One boolean per case flag: flags are filtered on constantly, so they are indexed columns.
    flag_domestic_abuse = models.BooleanField("domestic abuse", default=False)
    flag_hate_crime = models.BooleanField("hate crime", default=False)
    flag_rasso = models.BooleanField("RASSO", default=False)
    flag_youth = models.BooleanField("youth", default=False)
    flag_road_traffic = models.BooleanField("road traffic", default=False)
    flag_retail_theft = models.BooleanField("retail theft", default=False)
    flag_death = models.BooleanField("death", default=False)
    flag_terrorism = models.BooleanField("terrorism or official secrets", default=False)
    flag_consent_required = models.BooleanField("DPP/Law Officer consent", default=False)
    flag_harassment_stalking = models.BooleanField("harassment or stalking", default=False)
    flag_violent_disorder_affray = models.BooleanField("violent disorder or affray", default=False)
    flag_gbh_abh_wounding = models.BooleanField("GBH, ABH or wounding", default=False)
    flag_soa_under_18 = models.BooleanField("SOA offence, under-18 party", default=False)
    flag_licensing = models.BooleanField("Licensing Act 2003", default=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "urn"]
        indexes = [models.Index(fields=["hub", "stage"]), models.Index(fields=["oic", "stage"]),
                   models.Index(fields=["caseworker", "stage"], name="case_caseworker_stage")]

    def __str__(self) -> str:
        return self.urn

    @property
    def flags(self) -> list[str]:
        return [f for f in self.FLAGS if getattr(self, f"flag_{f}")]

    @property
    def flag_labels(self) -> list[str]:
        return [c.CaseFlag(f).label for f in self.flags]

    @property
    def urn_display(self) -> str:
        u = self.urn
        return f"{u[:2]}/{u[2:4]}/{u[4:-2]}/{u[-2:]}"


class Defendant(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="defendants")
    ref = models.CharField(max_length=10)
    forenames = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=20, choices=c.Gender.choices, default=c.Gender.NOT_KNOWN)
    ethnicity_code = models.CharField("self-defined ethnicity code", max_length=4, blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    asn = models.CharField("ASN", max_length=21, blank=True)
    pnc_id = models.CharField("PNC ID", max_length=13, blank=True)
    cro = models.CharField("CRO number", max_length=12, blank=True)
    custody_record_number = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=30, choices=c.DefendantStatus.choices)
    arrested_at = models.DateTimeField(null=True, blank=True)
    pace_relevant_time = models.DateTimeField("PACE relevant time", null=True, blank=True)
    previous_convictions_checked_on = models.DateField(null=True, blank=True)
    previous_convictions_summary = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="defendant_ref_unique")]
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.forenames} {self.surname.upper()}".strip()


class Interview(models.Model):
    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE, related_name="interviews")
    date = models.DateField(null=True, blank=True)
    type = models.CharField(max_length=20, choices=c.InterviewType.choices)
    account = models.CharField(max_length=30, choices=c.InterviewAccount.choices, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["defendant", "date", "id"]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.date or ''}".strip()


class CustodyEpisode(models.Model):
    """A period in police detention or remanded in custody (the basis for CTL arithmetic)."""

    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE,
                                  related_name="custody_episodes")
    kind = models.CharField(max_length=20, choices=c.CustodyKind.choices)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    court_code = models.CharField(max_length=7, blank=True)

    class Meta:
        ordering = ["defendant", "started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_at:%d %b %Y %H:%M}"


class BailPeriod(models.Model):
    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE, related_name="bail_periods")
    kind = models.CharField(max_length=20, choices=c.BailKind.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    authority = models.CharField(max_length=20, choices=c.BailAuthority.choices, blank=True)
    conditions = models.TextField(blank=True)

    class Meta:
        ordering = ["defendant", "start_date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.start_date:%d %b %Y}"


class Offence(models.Model):
    """An offence suspected (pre-charge) or charged, against one defendant."""

    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE, related_name="offences")
    ref = models.CharField(max_length=16)
    offence_code = models.ForeignKey("reference.OffenceCode", on_delete=models.PROTECT,
                                     related_name="+", db_column="offence_code")
    mode_of_trial = models.CharField(max_length=20, choices=c.ModeOfTrial.choices, blank=True)
    wording = models.TextField(blank=True)
    date_code = models.PositiveSmallIntegerField(choices=c.OffenceDateCode.choices,
                                                 default=c.OffenceDateCode.ON_OR_IN)
    date_from = models.DateField(null=True, blank=True)
    date_to = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=c.ChargeStatus.choices,
                              default=c.ChargeStatus.PROPOSED)
    charge_date = models.DateField(null=True, blank=True)
    charging_authority = models.CharField(max_length=10, choices=c.ChargingAuthority.choices,
                                          blank=True)
    code_test = models.CharField(max_length=10, choices=c.CodeTest.choices, blank=True)
    plea = models.CharField(max_length=12, choices=c.Plea.choices, blank=True)
    plea_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["defendant", "ref"],
                                               name="offence_ref_unique")]
        ordering = ["defendant", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.offence_code_id}"


class Witness(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="witnesses")
    ref = models.CharField(max_length=10)
    forenames = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100)
    role = models.CharField(max_length=20, choices=c.WitnessRole.choices)
    key_witness = models.BooleanField(default=False)
    date_of_birth = models.DateField(null=True, blank=True)
    vulnerability_grounds = models.JSONField(default=list, blank=True)
    enhanced_rights = models.BooleanField("enhanced Victims' Code rights", default=False)
    enhanced_rights_category = models.CharField(max_length=30,
                                                choices=c.EnhancedRightsCategory.choices,
                                                blank=True)
    special_measures_sought = models.JSONField(default=list, blank=True)
    vps_offered = models.BooleanField("VPS offered", null=True, blank=True)
    vps_made = models.BooleanField("VPS made", null=True, blank=True)
    dates_to_avoid = models.JSONField(default=list, blank=True)
    consent_witness_service = models.BooleanField(null=True, blank=True)
    consent_medical_records = models.BooleanField(null=True, blank=True)
    contact_preference = models.CharField(max_length=10, choices=c.ContactPreference.choices,
                                          blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    previous_convictions_checked = models.BooleanField(null=True, blank=True)
    has_previous_convictions = models.BooleanField(null=True, blank=True)
    needs = models.TextField(blank=True)
    last_update_at = models.DateTimeField(
        "last updated on the case", null=True, blank=True,
        help_text="When the victim or witness was last told of a decision or result (Victims' Code)",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="witness_ref_unique")]
        ordering = ["case", "id"]
        verbose_name_plural = "witnesses"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.forenames} {self.surname.upper()}".strip()

    @property
    def special_measures_labels(self) -> list[str]:
        return [dict(c.SpecialMeasure.choices).get(m, m) for m in self.special_measures_sought]

    @property
    def is_vulnerable_or_intimidated(self) -> bool:
        return bool(self.vulnerability_grounds)


class Material(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="materials")
    ref = models.CharField(max_length=10)
    type = models.CharField(max_length=20, choices=c.MaterialType.choices)
    title = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=c.MaterialStatus.choices,
                              default=c.MaterialStatus.OUTSTANDING)
    defendant = models.ForeignKey(Defendant, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="materials")
    witness = models.ForeignKey(Witness, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="materials")
    key_evidence = models.BooleanField(default=False)
    disclosure_class = models.CharField(max_length=30, choices=c.DisclosureClass.choices,
                                        default=c.DisclosureClass.SERVED)
    signed = models.BooleanField(null=True, blank=True)
    signed_date = models.DateField(null=True, blank=True)
    supervisor_certified = models.BooleanField(null=True, blank=True)
    clipped = models.BooleanField(null=True, blank=True)
    playable = models.BooleanField(null=True, blank=True)
    exhibit_ref = models.CharField(max_length=20, blank=True)
    exhibits_referred = models.JSONField(
        default=list, blank=True, help_text="Exhibit references a statement refers to"
    )
    items_described = models.BooleanField(
        null=True, blank=True, help_text="Unused material schedules: every item described clearly"
    )
    producer = models.CharField(max_length=100, blank=True)
    target_date = models.DateField(null=True, blank=True)
    provided_at = models.DateTimeField(null=True, blank=True)
    attachment = models.FileField(upload_to="materials/%Y/%m/", blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="material_ref_unique")]
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.get_type_display()}"


class Hearing(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    ref = models.CharField(max_length=10)
    court = models.ForeignKey("reference.OrganisationUnit", on_delete=models.PROTECT,
                              related_name="+", db_column="court_code")
    type = models.CharField(max_length=20, choices=c.HearingType.choices)
    starts_at = models.DateTimeField()
    outcome = models.CharField(max_length=30, choices=c.HearingOutcome.choices, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="hearing_ref_unique")]
        ordering = ["case", "starts_at"]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.get_type_display()} {self.starts_at:%d %b %Y}"


class FileSubmission(models.Model):
    """A file sent to the CPS: a pre-charge decision request or a post-charge file."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="submissions")
    ref = models.CharField(max_length=10)
    file_type = models.CharField(max_length=10, choices=c.FileType.choices)
    charging_category = models.CharField(max_length=20, choices=c.ChargingCategory.choices,
                                         blank=True)
    submitted_at = models.DateTimeField()
    due_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    supervisor_certified = models.BooleanField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=c.SubmissionOutcome.choices,
                               default=c.SubmissionOutcome.PENDING)
    reasons = models.JSONField(default=list, blank=True)
    respond_by = models.DateField("police should respond by", null=True, blank=True)
    supervisor_comments = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"],
                                               name="submission_ref_unique")]
        ordering = ["case", "submitted_at"]

    def __str__(self) -> str:
        return f"{self.ref} {self.get_file_type_display()}"


class CPSDecision(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    ref = models.CharField(max_length=10)
    submission = models.ForeignKey(FileSubmission, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="decisions")
    decided_at = models.DateTimeField()
    kind = models.CharField(max_length=30, choices=c.CPSDecisionKind.choices)
    code_test = models.CharField(max_length=10, choices=c.CodeTest.choices, blank=True)
    prosecutor = models.CharField(max_length=100, blank=True)
    rationale = models.TextField(blank=True)
    charges = models.ManyToManyField(Offence, blank=True, related_name="cps_decisions")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="decision_ref_unique")]
        ordering = ["case", "decided_at"]
        verbose_name = "CPS decision"

    def __str__(self) -> str:
        return f"{self.ref} {self.get_kind_display()}"


class ActionPlan(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="action_plans")
    ref = models.CharField(max_length=10)
    decision = models.ForeignKey(CPSDecision, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="action_plans")
    source = models.CharField(max_length=20, choices=c.ActionPlanSource.choices)
    created_on = models.DateField()
    respond_by = models.DateField("police should respond by", null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"],
                                               name="action_plan_ref_unique")]
        ordering = ["case", "created_on"]

    def __str__(self) -> str:
        return f"{self.ref} {self.get_source_display()}"


class ActionPlanItem(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="items")
    ref = models.CharField(max_length=16)
    text = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="action_items")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=c.ItemStatus.choices,
                              default=c.ItemStatus.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)
    evidence = models.TextField("evidence of completion", blank=True)
    escalated = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "ref"],
                                               name="action_item_ref_unique")]
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.text[:60]}"


class Task(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    ref = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="tasks")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=c.ItemStatus.choices,
                              default=c.ItemStatus.OPEN)
    source = models.CharField(max_length=20, choices=c.ActionPlanSource.choices,
                              default=c.ActionPlanSource.INTERNAL)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=c.TaskKind.choices, default=c.TaskKind.GENERAL)
    witness = models.ForeignKey("Witness", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks",
                                help_text="The victim or witness a witness care task is for")
    hearing = models.ForeignKey(Hearing, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks",
                                help_text="The hearing a warning is for")
    outcome = models.CharField(max_length=12, choices=c.TaskOutcome.choices, blank=True)
    outcome_note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="task_ref_unique")]
        ordering = ["case", "due_date", "id"]
        indexes = [models.Index(fields=["assignee", "status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"


class ContactEntry(models.Model):
    """A contact with a victim, witness, defendant or partner agency, in or out."""

    PARTIES = [("victim", "Victim"), ("witness", "Witness"), ("defendant", "Defendant or their solicitor"),
               ("cps", "CPS"), ("court", "Court"), ("witness_care", "Witness Care Unit"), ("other", "Other")]
    CHANNELS = [("phone", "Phone"), ("email", "Email"), ("letter", "Letter"), ("in_person", "In person"),
                ("text", "Text message")]

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    ref = models.CharField(max_length=10)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    party = models.CharField(max_length=20, choices=PARTIES)
    witness = models.ForeignKey(Witness, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts")
    direction = models.CharField(max_length=3, choices=[("in", "Incoming"), ("out", "Outgoing")])
    channel = models.CharField(max_length=10, choices=CHANNELS)
    summary = models.TextField()
    told_of_progress = models.BooleanField(default=False, help_text="The victim or witness was told of the latest decisions and results")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="contact_ref_unique")]
        ordering = ["case", "-at"]

    def __str__(self) -> str:
        return f"{self.ref} {self.get_party_display()} {self.at:%Y-%m-%d}"


class FileReturn(models.Model):
    """A file sent back to the officer in the case with feedback: one review cycle."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="file_returns")
    cycle = models.PositiveSmallIntegerField(help_text="1 for the first return of this case, and so on")
    returned_at = models.DateTimeField()
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    feedback = models.TextField()
    rule_ids = models.JSONField(default=list, blank=True, help_text="the findings the feedback was drafted from")
    resubmitted_at = models.DateTimeField(null=True, blank=True)
    resubmitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")
    officer_note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "cycle"], name="file_return_cycle_unique")]
        ordering = ["case", "cycle"]

    def __str__(self) -> str:
        return f"{self.case_id} return {self.cycle}"


class FindingOverride(models.Model):
    """A file-quality finding a reviewer has set aside, with the reason (counted separately)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="finding_overrides")
    rule_id = models.CharField(max_length=80)
    item = models.CharField(max_length=16, blank=True, help_text="Ref of the part, if any")
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "rule_id", "item"],
                                               name="override_unique")]
        ordering = ["case", "rule_id", "item"]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.item}".strip()


class CaseEvent(models.Model):
    """One entry in a case's timeline, written by `events.py` in the same transaction as the change."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=60, help_text="e.g. case.stage.changed")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    summary = models.CharField(max_length=500)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["case", "occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.summary}"


class PartnerRequest(models.Model):
    """A request to the Criminal Justice Unit from the CPS, a court, Witness Care or another agency."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="partner_requests")
    ref = models.CharField(max_length=10)
    partner = models.CharField(max_length=20, choices=c.PartnerAgency.choices)
    from_name = models.CharField("from (name or team)", max_length=200, blank=True)
    received_at = models.DateTimeField()
    subject = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    priority = models.CharField(max_length=10, choices=c.RequestPriority.choices, default=c.RequestPriority.NORMAL)
    due_date = models.DateField()
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="partner_requests")
    status = models.CharField(max_length=10, choices=c.ItemStatus.choices, default=c.ItemStatus.OPEN)
    response = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "ref"], name="partner_request_ref_unique")]
        ordering = ["case", "due_date", "id"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.subject}"
