"""Name pools and places for synthetic people and incidents in the West Midlands.

Responsible for: the raw material the demo generator draws from — forenames and surnames by
community (so a name, a self-defined ethnicity code and an interpreter language agree), the mix
of communities in each local policing area, and real streets and postcode districts per area.
Must not: hold logic beyond drawing from these pools. Nothing here is a real person: names are common ones
combined at random, and phone numbers come from Ofcom's ranges reserved for drama
(0121 496 0000–0999, 07700 900000–900999 …), e-mail addresses from example.* domains.
"""

import random

# Each community: male forenames, female forenames, surnames (female surnames where they
# differ), the 18+1 self-defined ethnicity codes it maps to, and languages an interpreter may
# be needed for (with the chance one is).
COMMUNITIES: dict[str, dict] = {
    "white_british": {
        "male": [
            "Oliver", "Jack", "Harry", "George", "Charlie", "Thomas", "James", "William",
            "Daniel", "Joshua", "Liam", "Ryan", "Connor", "Callum", "Kieran", "Jordan", "Lewis",
            "Jake", "Luke", "Adam", "Ben", "Sam", "Matthew", "Michael", "David", "Paul", "Mark",
            "Steven", "Craig", "Lee", "Dean", "Wayne", "Gary", "Darren", "Carl", "Scott",
            "Jamie", "Nathan", "Aaron", "Reece", "Tyler", "Kyle", "Bradley", "Ashley", "Robert",
            "Richard", "Peter", "Andrew", "Christopher", "Stuart", "Jason", "Shaun", "Ian",
            "Neil", "Alan", "Keith", "Kevin", "Terry", "John", "Anthony", "Alfie", "Archie",
            "Mason", "Leo", "Harvey", "Kai",
        ],
        "female": [
            "Olivia", "Amelia", "Emily", "Jessica", "Sophie", "Chloe", "Lauren", "Charlotte",
            "Hannah", "Megan", "Bethany", "Amy", "Rebecca", "Laura", "Emma", "Sarah", "Rachel",
            "Gemma", "Kirsty", "Stacey", "Leanne", "Kelly", "Nicola", "Claire", "Lisa",
            "Michelle", "Joanne", "Donna", "Tracey", "Karen", "Julie", "Susan", "Helen",
            "Victoria", "Katie", "Jade", "Ellie", "Grace", "Holly", "Abigail", "Natalie",
            "Danielle", "Kayleigh", "Paige", "Shannon", "Courtney", "Jodie", "Samantha",
            "Louise", "Zoe", "Isla", "Freya", "Poppy", "Lily",
        ],
        "surnames": [
            "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
            "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
            "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Jackson", "Wood",
            "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "King",
            "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson",
            "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Cook",
            "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Miller", "Cox",
            "Richards", "Marshall", "Simpson", "Ellis", "Adams", "Wilkinson", "Foster",
            "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Hunt", "Holmes", "Palmer",
            "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher",
            "Stevens", "Jenkins", "Dixon", "Fletcher", "Pearson",
            # Black Country and Birmingham names
            "Hingley", "Round", "Parkes", "Woodhouse", "Cartwright", "Dunn", "Skidmore",
            "Bissell", "Hickman", "Pearsall", "Jukes", "Whitehouse", "Bayliss", "Cutler",
            "Dudley", "Hadley", "Grainger", "Tonks",
        ],
        "ethnicity": ["W1"],
        "languages": [],
    },
    "irish": {
        "male": ["Sean", "Patrick", "Declan", "Ciaran", "Eoin", "Conor", "Liam", "Michael",
                 "Kevin", "Brendan", "Aidan", "Niall"],
        "female": ["Niamh", "Siobhan", "Aoife", "Roisin", "Ciara", "Orla", "Mary", "Bridget",
                   "Sinead", "Aisling"],
        "surnames": ["Murphy", "Kelly", "O'Brien", "O'Connor", "Doyle", "Byrne", "Ryan",
                     "Gallagher", "McCarthy", "Quinn", "Kennedy", "Flanagan", "Walsh", "Brennan",
                     "Donnelly", "McDonagh", "Connolly", "Keane"],
        "ethnicity": ["W2"],
        "languages": [],
    },
    "eastern_european": {
        "male": ["Piotr", "Tomasz", "Krzysztof", "Marcin", "Pawel", "Michal", "Lukasz", "Jakub",
                 "Kamil", "Mateusz", "Andrei", "Ionut", "Florin", "Mihai", "Alexandru", "Bogdan",
                 "Marian", "Gabriel", "Stefan", "Tomas", "Mantas", "Darius"],
        "female": ["Agnieszka", "Katarzyna", "Magdalena", "Anna", "Joanna", "Monika", "Natalia",
                   "Ewa", "Elena", "Ioana", "Maria", "Andreea", "Alina", "Cristina", "Mihaela",
                   "Ruta", "Greta"],
        "surnames": ["Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski",
                     "Zielinski", "Szymanski", "Dabrowski", "Kozlowski", "Popescu", "Ionescu",
                     "Popa", "Stan", "Dumitru", "Stoica", "Munteanu", "Radu", "Marin",
                     "Kazlauskas", "Petrauskas"],
        # Polish surnames ending -ski take -ska for women.
        "female_surnames": {"Kowalski": "Kowalska", "Wisniewski": "Wisniewska",
                            "Kaminski": "Kaminska", "Lewandowski": "Lewandowska",
                            "Zielinski": "Zielinska", "Szymanski": "Szymanska",
                            "Dabrowski": "Dabrowska", "Kozlowski": "Kozlowska",
                            "Kazlauskas": "Kazlauskiene", "Petrauskas": "Petrauskiene"},
        "ethnicity": ["W9"],
        "languages": [("Polish", 0.5), ("Romanian", 0.35), ("Lithuanian", 0.15)],
        "interpreter_rate": 0.25,
    },
    "pakistani": {
        "male": ["Mohammed", "Muhammad", "Ali", "Hassan", "Imran", "Adeel", "Bilal", "Usman",
                 "Zain", "Hamza", "Kamran", "Tariq", "Asif", "Shahid", "Zubair", "Waqas",
                 "Faisal", "Irfan", "Naveed", "Amir", "Adnan", "Yasir", "Rizwan", "Sajid",
                 "Ibrahim", "Yusuf", "Umar", "Aqib", "Haris", "Saqib"],
        "female": ["Ayesha", "Fatima", "Zainab", "Maryam", "Sana", "Amina", "Hina", "Nazia",
                   "Rukhsana", "Shazia", "Samina", "Iqra", "Aleena", "Anam", "Nadia", "Saima",
                   "Farah", "Mehwish", "Hafsa", "Khadija"],
        "surnames": ["Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Mahmood", "Iqbal", "Shah",
                     "Butt", "Rashid", "Malik", "Aslam", "Javed", "Mirza", "Qureshi", "Saleem",
                     "Rehman", "Raza", "Anwar", "Arshad", "Bashir", "Hanif", "Nawaz", "Sadiq",
                     "Zaman", "Latif", "Yousaf"],
        "ethnicity": ["A2"],
        "languages": [("Urdu", 0.6), ("Punjabi (Pahari)", 0.4)],
        "interpreter_rate": 0.04,
    },
    "bangladeshi": {
        "male": ["Abdul", "Mohammed", "Rahim", "Shahin", "Jamal", "Kamal", "Rubel", "Sohel",
                 "Mamun", "Faruk", "Ashik", "Tanvir"],
        "female": ["Nasima", "Shirin", "Rehana", "Tahmina", "Ruma", "Salma", "Rumana", "Sumaiya"],
        "surnames": ["Miah", "Uddin", "Rahman", "Islam", "Hoque", "Ali", "Choudhury", "Ahmed"],
        "female_surnames": {"Miah": "Begum", "Uddin": "Begum", "Hoque": "Khatun"},
        "ethnicity": ["A3"],
        "languages": [("Bengali (Sylheti)", 1.0)],
        "interpreter_rate": 0.10,
    },
    "indian": {
        "male": ["Gurpreet", "Harpreet", "Jaswinder", "Manjit", "Sukhdev", "Amarjit", "Rajinder",
                 "Kuldip", "Jaspal", "Ravinder", "Sandeep", "Arjun", "Rohan", "Vikram", "Sanjay",
                 "Ravi", "Nikhil", "Amit", "Deepak", "Hardeep", "Karan"],
        "female": ["Manpreet", "Harjit", "Kiran", "Simran", "Jaspreet", "Priya", "Neha",
                   "Anjali", "Pooja", "Sunita", "Rani", "Gurdeep", "Navdeep", "Parminder",
                   "Kamaljit"],
        "surnames": ["Singh", "Sandhu", "Gill", "Sidhu", "Dhillon", "Bains", "Johal", "Sahota",
                     "Virdee", "Patel", "Sharma", "Kumar", "Mistry", "Chauhan", "Lal", "Bhatti",
                     "Dhaliwal", "Bassi", "Atwal", "Kang", "Thandi", "Sohal"],
        "female_surnames": {"Singh": "Kaur"},
        "ethnicity": ["A1"],
        "languages": [("Punjabi", 0.7), ("Gujarati", 0.3)],
        "interpreter_rate": 0.04,
    },
    "caribbean": {
        "male": ["Marcus", "Dwayne", "Tyrone", "Leon", "Jermaine", "Andre", "Delroy", "Clive",
                 "Winston", "Kemar", "Shane", "Reuben", "Nathaniel", "Isaiah", "Jerome",
                 "Tristan", "Devon", "Romario"],
        "female": ["Shanice", "Tanisha", "Jasmine", "Keisha", "Chantelle", "Marcia", "Beverley",
                   "Sharon", "Yvonne", "Aaliyah", "Simone", "Tiana", "Nia", "Jada"],
        "surnames": ["Campbell", "Brown", "Williams", "Francis", "Clarke", "Thomas", "Graham",
                     "Reid", "Henry", "Morgan", "Lewis", "Grant", "Samuels", "Johnson", "Bailey",
                     "Gordon", "Forbes", "Powell", "Wright", "Dacres", "McKenzie", "Bryan",
                     "Spence", "Palmer"],
        "ethnicity": ["B1"],
        "languages": [],
    },
    "african": {
        "male": ["Oluwaseun", "Chinedu", "Emeka", "Tunde", "Femi", "Kunle", "Samuel", "Daniel",
                 "Joseph", "Emmanuel", "Victor", "Kwame", "Kofi", "Tendai", "Blessing"],
        "female": ["Chioma", "Ngozi", "Funmilayo", "Grace", "Esther", "Precious", "Adaeze",
                   "Temitope", "Abena", "Akosua", "Ruvimbo"],
        "surnames": ["Okafor", "Adeyemi", "Okonkwo", "Oluwole", "Adebayo", "Eze", "Nwosu",
                     "Ogunleye", "Bello", "Osei", "Mensah", "Boateng", "Asante", "Owusu",
                     "Appiah", "Moyo", "Ncube"],
        "ethnicity": ["B2"],
        "languages": [],
    },
    "somali": {
        "male": ["Abdi", "Abdirahman", "Mohamed", "Ahmed", "Yusuf", "Hassan", "Abdullahi",
                 "Omar", "Liban", "Mahad", "Mustafe"],
        "female": ["Hodan", "Amina", "Faadumo", "Sahra", "Ifrah", "Hibo", "Ayan", "Nimco"],
        "surnames": ["Abdi", "Hassan", "Mohamed", "Ali", "Warsame", "Farah", "Osman", "Ismail",
                     "Omar", "Jama", "Aden", "Hersi"],
        "ethnicity": ["B2"],
        "languages": [("Somali", 1.0)],
        "interpreter_rate": 0.15,
    },
    "chinese": {
        "male": ["Wei", "Jun", "Hao", "Ming", "Jian", "Kevin", "Chi"],
        "female": ["Li", "Mei", "Xin", "Ying", "Hui", "Jenny"],
        "surnames": ["Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Cheung", "Lam"],
        "ethnicity": ["A4"],
        "languages": [("Mandarin", 0.6), ("Cantonese", 0.4)],
        "interpreter_rate": 0.2,
    },
    "middle_eastern": {
        "male": ["Ahmad", "Karwan", "Rebin", "Hemin", "Mustafa", "Khalid", "Sami", "Hussein",
                 "Aram"],
        "female": ["Nour", "Layla", "Rania", "Shilan", "Dilan", "Hana"],
        "surnames": ["Ahmadi", "Rasul", "Karim", "Mahmoud", "Saleh", "Hamid", "Aziz",
                     "Abdullah", "Qadir", "Rashid"],
        "ethnicity": ["O2", "O9"],
        "languages": [("Kurdish (Sorani)", 0.5), ("Arabic", 0.35), ("Farsi", 0.15)],
        "interpreter_rate": 0.3,
    },
    # Mixed heritage: names drawn from the white British and Caribbean/African pools.
    "mixed": {"mix": ("white_british", "caribbean", "african", "pakistani", "indian"),
              "ethnicity": ["M1", "M1", "M2", "M3", "M9"], "languages": []},
}

# Share of each community among suspects, victims and witnesses, by local policing area
# (a rough reflection of the 2021 census for each borough; demo data, not statistics).
AREA_MIX: dict[str, dict[str, int]] = {
    "LPA-BIRM": {"white_british": 42, "irish": 2, "eastern_european": 4, "pakistani": 16,
                 "bangladeshi": 4, "indian": 6, "caribbean": 5, "african": 6, "somali": 2,
                 "chinese": 1, "middle_eastern": 3, "mixed": 6},
    "LPA-COV": {"white_british": 60, "irish": 2, "eastern_european": 6, "pakistani": 4,
                "indian": 9, "african": 8, "caribbean": 2, "chinese": 2, "middle_eastern": 3,
                "mixed": 4},
    "LPA-WOLV": {"white_british": 55, "eastern_european": 6, "indian": 14, "pakistani": 2,
                 "caribbean": 6, "african": 6, "middle_eastern": 2, "mixed": 5},
    "LPA-SAND": {"white_british": 52, "eastern_european": 4, "pakistani": 7, "indian": 14,
                 "bangladeshi": 2, "caribbean": 6, "african": 6, "middle_eastern": 2, "mixed": 5},
    "LPA-WALS": {"white_british": 65, "pakistani": 10, "bangladeshi": 3, "indian": 7,
                 "eastern_european": 4, "caribbean": 3, "african": 3, "mixed": 4},
    "LPA-DUD": {"white_british": 80, "pakistani": 6, "eastern_european": 3, "indian": 3,
                "caribbean": 2, "african": 2, "middle_eastern": 1, "mixed": 3},
    "LPA-SOLI": {"white_british": 80, "irish": 2, "indian": 6, "pakistani": 3,
                 "eastern_european": 2, "caribbean": 2, "african": 2, "mixed": 3},
}

# The force's own workforce is less diverse than the communities it polices.
WORKFORCE_MIX: dict[str, int] = {
    "white_british": 74, "irish": 2, "pakistani": 6, "indian": 7, "bangladeshi": 1,
    "caribbean": 3, "african": 2, "eastern_european": 1, "mixed": 4,
}

# Real streets and postcode districts: (street, district, postcode outward code).
STREETS: dict[str, list[tuple[str, str, str]]] = {
    "LPA-BIRM": [
        ("New Street", "Birmingham city centre", "B2"),
        ("Corporation Street", "Birmingham city centre", "B4"),
        ("Bull Street", "Birmingham city centre", "B4"),
        ("Broad Street", "Birmingham city centre", "B1"),
        ("Hurst Street", "Southside", "B5"),
        ("Soho Road", "Handsworth", "B21"),
        ("Coventry Road", "Small Heath", "B10"),
        ("Stratford Road", "Sparkhill", "B11"),
        ("Alum Rock Road", "Alum Rock", "B8"),
        ("Ladypool Road", "Balsall Heath", "B12"),
        ("Bristol Road", "Selly Oak", "B29"),
        ("Kingstanding Road", "Kingstanding", "B44"),
        ("High Street", "Erdington", "B23"),
        ("Hagley Road", "Edgbaston", "B16"),
        ("Dudley Road", "Winson Green", "B18"),
        ("Station Road", "Stechford", "B33"),
        ("Chester Road", "Castle Vale", "B35"),
        ("Bristol Road South", "Northfield", "B31"),
        ("High Street", "Kings Heath", "B14"),
        ("Washwood Heath Road", "Ward End", "B8"),
        ("Lozells Road", "Lozells", "B19"),
        ("Birchfield Road", "Perry Barr", "B20"),
        ("Slade Road", "Stockland Green", "B23"),
        ("Shard End Crescent", "Shard End", "B34"),
        ("Church Road", "Yardley", "B33"),
        ("Pershore Road", "Stirchley", "B30"),
        ("Gooch Street", "Highgate", "B5"),
        ("Mere Green Road", "Sutton Coldfield", "B75"),
    ],
    "LPA-COV": [
        ("Hertford Street", "Coventry city centre", "CV1"),
        ("Far Gosford Street", "Coventry", "CV1"),
        ("Smithford Way", "Coventry city centre", "CV1"),
        ("Foleshill Road", "Foleshill", "CV6"),
        ("Earlsdon Street", "Earlsdon", "CV5"),
        ("Walsgrave Road", "Stoke", "CV2"),
        ("Jardine Crescent", "Tile Hill", "CV4"),
        ("Holbrook Lane", "Holbrooks", "CV6"),
        ("Ansty Road", "Wyken", "CV2"),
        ("Daventry Road", "Cheylesmore", "CV3"),
        ("Radford Road", "Radford", "CV6"),
        ("Tile Hill Lane", "Tile Hill", "CV4"),
    ],
    "LPA-WOLV": [
        ("Dudley Street", "Wolverhampton city centre", "WV1"),
        ("Lichfield Street", "Wolverhampton city centre", "WV1"),
        ("Stafford Road", "Oxley", "WV10"),
        ("Penn Road", "Penn", "WV4"),
        ("Bilston Road", "Monmore Green", "WV2"),
        ("Church Street", "Bilston", "WV14"),
        ("Alfred Squire Road", "Wednesfield", "WV11"),
        ("Cannock Road", "Heath Town", "WV10"),
        ("Tettenhall Road", "Tettenhall", "WV6"),
        ("Dudley Road", "Blakenhall", "WV2"),
    ],
    "LPA-SAND": [
        ("High Street", "West Bromwich", "B70"),
        ("Queens Square", "West Bromwich", "B70"),
        ("Oldbury Road", "Smethwick", "B66"),
        ("Cape Hill", "Smethwick", "B66"),
        ("Owen Street", "Tipton", "DY4"),
        ("Union Street", "Wednesbury", "WS10"),
        ("Birmingham Street", "Oldbury", "B69"),
        ("Halesowen Street", "Rowley Regis", "B65"),
        ("Hagley Road West", "Warley", "B68"),
        ("Hill Top", "West Bromwich", "B70"),
    ],
    "LPA-WALS": [
        ("Park Street", "Walsall town centre", "WS1"),
        ("Bridge Street", "Walsall town centre", "WS1"),
        ("Stafford Street", "Walsall", "WS2"),
        ("High Street", "Bloxwich", "WS3"),
        ("King Street", "Darlaston", "WS10"),
        ("Walsall Street", "Willenhall", "WV13"),
        ("High Street", "Brownhills", "WS8"),
        ("Anchor Road", "Aldridge", "WS9"),
        ("Caldmore Green", "Caldmore", "WS1"),
        ("Lichfield Road", "Rushall", "WS4"),
    ],
    "LPA-DUD": [
        ("High Street", "Dudley", "DY1"),
        ("Castle Street", "Dudley", "DY1"),
        ("Merry Hill", "Brierley Hill", "DY5"),
        ("High Street", "Stourbridge", "DY8"),
        ("Hagley Street", "Halesowen", "B63"),
        ("High Street", "Kingswinford", "DY6"),
        ("Halesowen Road", "Netherton", "DY2"),
        ("Bull Ring", "Sedgley", "DY3"),
        ("High Street", "Lye", "DY9"),
        ("Stourbridge Road", "Brierley Hill", "DY5"),
    ],
    "LPA-SOLI": [
        ("Mill Lane", "Solihull town centre", "B91"),
        ("Warwick Road", "Solihull", "B91"),
        ("Stratford Road", "Shirley", "B90"),
        ("Chelmsley Road", "Chelmsley Wood", "B37"),
        ("Coleshill Road", "Marston Green", "B37"),
        ("Lode Lane", "Olton", "B92"),
        ("Kineton Green Road", "Olton", "B92"),
        ("High Street", "Knowle", "B93"),
        ("Bosworth Drive", "Kingshurst", "B37"),
    ],
}

# Residential street names for home addresses (combined with an area's districts).
RESIDENTIAL = [
    "Victoria Road", "Albert Road", "Church Lane", "Park Road", "Oak Tree Lane",
    "Grove Road", "Manor Road", "Station Road", "Highfield Road", "Queens Road",
    "Kings Road", "Elm Grove", "Poplar Avenue", "Cherrywood Road", "Beech Avenue",
    "Willow Close", "Moat Lane", "Mill Street", "Springfield Road", "Windmill Lane",
    "Hawthorn Road", "Heath Road", "Cromwell Street", "Newton Road", "Holly Lane",
    "Birch Croft", "Chestnut Drive", "Meadow Way", "Farm Road", "Dovedale Road",
]

# Retailers by kind, and what is stolen from each kind: (goods, typical value in pounds).
SHOPS: dict[str, list[str]] = {
    "grocery": ["Tesco Express", "Sainsbury's Local", "Co-op Food", "Lidl", "Aldi", "Asda",
                "Morrisons", "Iceland", "One Stop"],
    "health_beauty": ["Boots", "Superdrug"],
    "clothing": ["Primark", "TK Maxx", "Matalan", "JD Sports"],
    "variety": ["B&M Bargains", "Poundland", "Home Bargains"],
}
SHOP_GOODS: dict[str, list[tuple[str, int]]] = {
    "grocery": [("meat products", 64), ("alcohol (spirits)", 96), ("baby formula", 72),
                ("cheese and butter", 46), ("coffee", 41), ("confectionery", 22),
                ("laundry products", 38)],
    "health_beauty": [("razor blades and toiletries", 58), ("perfume", 180), ("cosmetics", 84),
                      ("baby formula", 72), ("electric toothbrushes", 120)],
    "clothing": [("clothing", 140), ("trainers", 150), ("perfume", 90), ("a designer handbag", 220)],
    "variety": [("confectionery", 22), ("laundry products", 38), ("toiletries", 35),
                ("electrical items", 110), ("homeware", 48)],
}

VEHICLES = [
    "Ford Fiesta", "Vauxhall Corsa", "Volkswagen Golf", "BMW 3 Series", "Audi A3",
    "Mercedes-Benz C-Class", "Toyota Yaris", "Nissan Qashqai", "Ford Focus", "Seat Leon",
    "Peugeot 208", "Kia Sportage", "Volkswagen Polo", "Range Rover Evoque", "Honda Civic",
]

ROADS = {
    "LPA-BIRM": ["A38 Aston Expressway", "A45 Coventry Road", "A34 Birchfield Road",
                 "A4540 Middleway", "A456 Hagley Road", "A38 Bristol Road"],
    "LPA-COV": ["A4053 Ring Road", "A444 Foleshill Road", "A45 Fletchamstead Highway"],
    "LPA-WOLV": ["A4150 Ring Road", "A449 Stafford Road", "A41 Bilston Road"],
    "LPA-SAND": ["A41 Birmingham Road", "A4123 Birmingham New Road", "A457 Oldbury Road"],
    "LPA-WALS": ["A34 Walsall Road", "A454 Wolverhampton Road", "A4148 Broadway"],
    "LPA-DUD": ["A461 Dudley Southern Bypass", "A459 Sedgley Road", "A491 Hagley Road"],
    "LPA-SOLI": ["A41 Warwick Road", "A34 Stratford Road", "A452 Chester Road"],
}

PUBS = [
    "The Red Lion", "The Royal Oak", "The Crown", "The White Swan", "The Plough",
    "The Bull's Head", "The Railway", "The George", "The Old Bell", "The Kings Arms",
]

# Phone ranges Ofcom reserves for drama: never allocated to a real subscriber.
DRAMA_MOBILE = "07700 900{:03d}"
DRAMA_LANDLINE = {
    "LPA-BIRM": "0121 496 0{:03d}", "LPA-SOLI": "0121 496 0{:03d}",
    "LPA-SAND": "0121 496 0{:03d}", "LPA-COV": "01632 960{:03d}",
    "LPA-WOLV": "01632 960{:03d}", "LPA-WALS": "01632 960{:03d}", "LPA-DUD": "01632 960{:03d}",
}
EMAIL_DOMAINS = ["example.com", "example.org", "example.net"]
POLICE_EMAIL_DOMAIN = "west-midlands.police.uk"


def person_name(rng: random.Random, community: str, female: bool) -> tuple[str, str]:
    """A (forename, surname) pair from one community's pools."""
    pool = COMMUNITIES[community]
    if "mix" in pool:
        first_pool = COMMUNITIES[rng.choice(pool["mix"])]
        last_pool = COMMUNITIES[rng.choice(pool["mix"])]
    else:
        first_pool = last_pool = pool
    forename = rng.choice(first_pool["female" if female else "male"])
    surname = rng.choice(last_pool["surnames"])
    if female:
        surname = last_pool.get("female_surnames", {}).get(surname, surname)
    return forename, surname
