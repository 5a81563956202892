from casework.cases.refs import next_ref


def test_next_ref_follows_the_highest_number_in_the_series():
    assert next_ref(["S1", "S3", "S2"], "S") == "S4"
    assert next_ref([], "T") == "T1"


def test_next_ref_ignores_other_series_and_counts_items_by_their_plan():
    assert next_ref(["CT7", "C2"], "C") == "C3"
    assert next_ref(["AP1", "AP2-5", "APX"], "AP") == "AP3"
