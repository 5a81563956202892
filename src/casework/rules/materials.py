"""Material types: MG forms and other case material, with the names caseworkers use. Pure.

The single source of these codes: the Django model's choices and the case-file schema are built
from this table.
"""

MATERIAL_TYPES: dict[str, str] = {
    "MG2": "MG2 Special measures assessment",
    "MG3": "MG3 Report to CPS for a charging decision",
    "MG3A": "MG3A Further report to CPS",
    "MG4": "MG4 Charge sheet",
    "MG4A": "MG4A Bail grant or variation",
    "MG5": "MG5 Case summary",
    "MG6": "MG6 Case file evidence and information",
    "MG6B": "MG6B Police officer misconduct record",
    "MG6C": "MG6C Schedule of non-sensitive unused material",
    "MG6D": "MG6D Schedule of sensitive unused material",
    "MG6E": "MG6E Disclosure officer's report",
    "MG7": "MG7 Remand application",
    "MG8": "MG8 Breach of bail",
    "MG9": "MG9 Witness list",
    "MG10": "MG10 Witness non-availability",
    "MG11": "MG11 Witness statement",
    "MG12": "MG12 Exhibit list",
    "MG13": "MG13 Application for orders on conviction",
    "MG15": "MG15 Interview record",
    "MG16": "MG16 Bad character / dangerous offender",
    "MG18": "MG18 Offences taken into consideration",
    "MG19": "MG19 Compensation claim",
    "MG20": "MG20 Further evidence report",
    "MG21": "MG21 Forensic submission",
    "MGDD": "MGDD Drink/drug driving forms",
    "VPS": "Victim Personal Statement",
    "DA_CHECKLIST": "Domestic abuse evidence-gathering checklist",
    "PNC_PRINT": "PNC print (previous convictions)",
    "CCTV": "CCTV footage",
    "BWV": "Body-worn video",
    "CALL_999": "999 call recording",
    "PHOTOGRAPHS": "Photographs",
    "MEDICAL": "Medical evidence",
    "FORENSIC": "Forensic report (SFR)",
    "DIGITAL_STRATEGY": "Digital device examination strategy",
    "THIRD_PARTY": "Third-party material",
    "OTHER_MULTIMEDIA": "Other multimedia",
    "OTHER": "Other document",
}

MULTIMEDIA = frozenset({"CCTV", "BWV", "CALL_999", "OTHER_MULTIMEDIA"})


def material_label(code: str) -> str:
    """'MG5 Case summary' for 'MG5'; the code itself when unknown."""
    return MATERIAL_TYPES.get(code, code)
