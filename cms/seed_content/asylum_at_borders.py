"""Seed course: Asylum and protection at borders. Written for Frontline from the public reports in shared/seeds."""

COURSE = {
    "slug": "asylum-at-borders",
    "title": "Asylum and protection at borders",
    "summary": (
        "What border guards, police, migration and consular staff must do when a person asks for "
        "protection: the right to seek asylum, non-refoulement, screening and referral at the border, "
        "and help for Tajik nationals exploited abroad."
    ),
    "learning_outcomes": [
        "By the end you can explain the right to seek asylum and how an asylum claim is made and handled in Tajikistan.",
        "By the end you can apply the principle of non-refoulement, including at the border and under Articles 31 and 33 of the 1951 Refugee Convention.",
        "By the end you can screen people at the border for protection needs and trafficking indicators and refer them to the right service.",
        "By the end you can describe what consular officers must do for Tajik nationals who are exploited or trafficked abroad.",
        "By the end you can organise a safe, preferably voluntary return and a protective reception for victims of trafficking.",
    ],
    "estimated_minutes": 100,
    "validity_months": 24,
    "required_for": [
        "border-troops",
        "consular",
        "migration",
        "police",
        "mia-ctip",
        "customs",
    ],
    "lessons": [
        # ------------------------------------------------------------------
        # Lesson 1
        # ------------------------------------------------------------------
        {
            "slug": "right-to-seek-asylum",
            "title": "The right to seek asylum",
            "intro": "Who is a refugee, how a person asks for protection, and how Tajikistan handles the claim.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "A right every person has", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Article 14 of the Universal Declaration of Human Rights says that everyone has the "
                        "right to seek and to enjoy asylum from persecution in other countries.</p>"
                        "<p>Tajikistan ratified the 1951 Convention relating to the Status of Refugees and its "
                        "1967 Protocol in 1993, taking a leading role in the region. It has a "
                        "long record of hosting Afghan refugees. At the time of the UN Special Rapporteur's visit "
                        "in December 2021 there were more than 13,000 persons of concern to UNHCR in the "
                        "country.</p>"
                        "<p>For a border guard, the right to seek asylum means one simple thing: a person who asks "
                        "for protection must be able to make that request and have it examined.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Who is a refugee", "level": "h2"}},
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Convention relating to the Status of Refugees (1951)",
                        "article": "Article 1A(2)",
                        "paraphrase": (
                            "<p>A refugee is a person who is outside their country of nationality, or of former "
                            "habitual residence if stateless, because of a well-founded fear of being persecuted for "
                            "reasons of race, religion, nationality, membership of a particular social group or "
                            "political opinion, and who cannot or, because of that fear, will not rely on the "
                            "protection of that country.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A person is a refugee because of their situation, not because of a certificate. "
                        "Recognition only confirms it. That is why an asylum seeker must be protected while the "
                        "claim is being examined.</p>"
                        "<p>Victims of trafficking, and people at real risk of being trafficked, can also qualify. "
                        "UNHCR Guidelines on International Protection No. 7 (2006) explain when trafficking, or "
                        "the risk of being trafficked again or of reprisals from traffickers, can be grounds for "
                        "refugee status. The UN Special Rapporteur recommended that Tajikistan follow these "
                        "guidelines.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "How asylum works in Tajikistan", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Law on Refugees of 2002, amended by Law No. 1124 of 2014, sets the grounds and "
                        "procedure for recognising refugees and their rights. Refugee status is decided by the "
                        "Department of Citizenship and Work with Refugees of the Passport Registration Service, "
                        "Ministry of Internal Affairs, with a State Refugee Status Determination Commission.</p>"
                        "<p>An application must be made within one month of arrival. Under Government resolution "
                        "No. 325 of 2000, refugees and asylum seekers may not live in larger cities or in border "
                        "districts. Most Afghan refugees live in Vahdat, Rudaki, Hissor and Shakhrinav, in Bokhtar "
                        "district in Khatlon region, and in Jabbor Rasulov district in Sughd region.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Known gaps", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The UN Special Rapporteur (report A/HRC/50/33/Add.1, 2022) described gaps that "
                        "officers should understand:</p>"
                        "<ul>"
                        "<li>a pre-screening stage happens before an asylum claim is even registered;</li>"
                        "<li>registration can depend on conditions such as local registration, a travel document "
                        "and visa, medical tests and proof of residence, which many refugees cannot meet;</li>"
                        "<li>at the end of July 2021, residence permits for newly arrived Afghans were suspended, "
                        "and review of asylum applications was suspended too;</li>"
                        "<li>registration of asylum seekers resumed in March 2022.</li>"
                        "</ul>"
                        "<p>A person who misses the one-month deadline because of these obstacles can be treated "
                        "as staying illegally, and may face arrest, fines and deportation. That is exactly the "
                        "situation in which refoulement and the penalisation of refugees happen.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "info",
                        "title": "Your role is to receive and refer, not to decide",
                        "body": (
                            "<p>A border guard or police officer does not decide whether a person is a refugee. "
                            "Your job is to recognise a request for protection, record it, keep the person safe and "
                            "pass the request to the competent authority. UNHCR Executive Committee Conclusion "
                            "No. 8 (1977) asks that officials at the border have clear instructions to act in line "
                            "with non-refoulement and to refer such cases to a higher authority.</p>"
                        ),
                    },
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "How a person may be asking for protection",
                        "intro": "People rarely use the word 'asylum'. Treat any of these as a possible request.",
                        "indicators": [
                            "The person says they cannot go back, or that they will be killed, arrested or harmed at home.",
                            "The person asks for UNHCR, the United Nations or 'refugee' help.",
                            "The person describes threats because of their religion, ethnicity, work, family or beliefs.",
                            "A woman or girl speaks of forced marriage, violence or being 'sold' or 'given' to someone.",
                            "The person served in the army, police or government of their country, or worked for foreigners.",
                            "The person shows fear, cries or refuses to move when told they will be returned.",
                            "A child is travelling alone or with adults who are not the parents.",
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "An Afghan man at a checkpoint says, in Dari, 'If I go back they will kill me'. He does not say 'asylum'. What is this?",
                        "choices": [
                            {"text": "Not an asylum request, because he did not use the word.", "is_correct": False},
                            {
                                "text": "A possible request for protection that must be recorded and referred.",
                                "is_correct": True,
                            },
                            {"text": "A matter for the border guard to decide on the spot.", "is_correct": False},
                        ],
                        "explanation": (
                            "No special words are required. Fear of harm on return is a request for protection. "
                            "The border guard records and refers; the competent authority decides."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Within what period after arrival must an asylum application be lodged in Tajikistan?",
                        "choices": [
                            {"text": "One week.", "is_correct": False},
                            {"text": "One month.", "is_correct": True},
                            {"text": "One year.", "is_correct": False},
                        ],
                        "explanation": (
                            "The deadline is one month. When the system blocks registration, people miss it and "
                            "are treated as illegal, which increases the risk of refoulement."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 2
        # ------------------------------------------------------------------
        {
            "slug": "non-refoulement",
            "title": "Non-refoulement",
            "intro": "No one may be sent back to a place where they face persecution, torture or other serious harm.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "The principle", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Non-refoulement</b> means that a State must not return a person, in any way, to a "
                        "country where they would be at risk of persecution, torture or other serious harm. It is "
                        "the core of refugee protection and binds every officer of the State.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Convention relating to the Status of Refugees (1951)",
                        "article": "Article 33",
                        "paraphrase": (
                            "<p>Part 1: no State may expel or return a refugee, in any manner whatsoever, to the "
                            "frontiers of territories where their life or freedom would be threatened because of "
                            "race, religion, nationality, membership of a particular social group or political "
                            "opinion. Part 2: a narrow exception exists for a person reasonably regarded as a danger "
                            "to national security, or who has been convicted by a final judgment of a particularly "
                            "serious crime and is a danger to the community.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Convention against Torture (1984)",
                        "article": "Article 3",
                        "paraphrase": (
                            "<p>No State may expel, return or extradite a person to another State where there are "
                            "substantial grounds for believing that they would be in danger of torture. This "
                            "protection has no exceptions. Tajikistan is a party to the Convention.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "What it means at the border", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Non-refoulement applies at the border as well as inside the country. UNHCR's Executive "
                        "Committee has repeated this many times: in Conclusion No. 6 (1977), protection applies "
                        "'both at the border and within the territory', whether or not the person has been "
                        "formally recognised as a refugee. In situations of large-scale arrivals, Conclusions "
                        "No. 22 (1981) and No. 82 (1997) stress that people must be admitted, at least "
                        "temporarily, and must not be rejected at the frontier.</p>"
                        "<p>So these actions can all amount to refoulement:</p>"
                        "<ul>"
                        "<li>refusing entry to a person who asks for protection and sending them back;</li>"
                        "<li>pushing people back across the river or the line;</li>"
                        "<li>leaving people in a buffer zone until they give up and return;</li>"
                        "<li>deporting an asylum seeker before their claim is examined;</li>"
                        "<li>sending a person to a third country that will send them on to danger ('chain "
                        "refoulement').</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The exceptions in Article 33(2) are narrow. They require an individual decision by the "
                        "competent authority with proper procedure. They are never decided by a patrol on the "
                        "spot, and they never apply to the absolute ban on return to torture.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "The Afghan border since August 2021", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>After more Afghan asylum seekers arrived in 2021, the border with Afghanistan was "
                        "closed in August 2021. The UN Special Rapporteur, who visited the Panji Poyon border "
                        "point and met border guards, received reports of deportations and forced removals of "
                        "Afghan asylum seekers without any assessment of their protection claims.</p>"
                        "<p>In one case in August 2021, 80 asylum seekers were refused access to Tajik territory. "
                        "They were stranded for two months in a buffer zone between the two countries and were "
                        "then forcibly returned, without any assessment of their claims.</p>"
                        "<p>UNHCR issued a non-return advisory for Afghanistan, asking States not to force "
                        "Afghans back. It highlights the particular risks for women and girls, including "
                        "trafficking for forced marriage, sexual exploitation and forced labour. Boys returned to "
                        "Afghanistan also face trafficking risks.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "A closed border does not cancel non-refoulement",
                        "body": (
                            "<p>Border closure is a decision about regular crossings. It does not allow officers "
                            "to return a person who asks for protection to danger. If people seeking protection "
                            "arrive at a closed section, report immediately up the chain of command, keep the "
                            "people safe, and make sure their requests are recorded and passed on.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "No penalty for irregular entry", "level": "h2"}},
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Convention relating to the Status of Refugees (1951)",
                        "article": "Article 31",
                        "paraphrase": (
                            "<p>Refugees who come directly from a territory where their life or freedom was "
                            "threatened must not be penalised for entering or being present without permission, "
                            "provided they report to the authorities without delay and show good cause. Any "
                            "restriction of their movement must be only what is necessary.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>People fleeing danger rarely have passports and visas. Crossing irregularly is often "
                        "the only way out. Fining, detaining or prosecuting them for it breaches Article 31. The "
                        "same logic protects trafficking victims under the non-punishment principle.</p>"
                        "<p>Article 14 of the Palermo Protocol confirms that nothing in the anti-trafficking "
                        "framework reduces the rights of refugees or the principle of non-refoulement.</p>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A family at the river",
                        "scenario": (
                            "<p>At night, a patrol in Khatlon region finds a family of six who have just crossed "
                            "the Panj river from Afghanistan: a woman, her teenage daughter, three younger children "
                            "and an elderly man. The woman says her husband worked for the former government's "
                            "police and was taken away. A local commander has demanded her 15-year-old daughter in "
                            "marriage. They have no passports. The senior guard on duty says the border is closed "
                            "and orders the family to be taken back to the river.</p>"
                        ),
                        "discussion_points": [
                            "Which words in the woman's account are a request for protection?",
                            "What risks do the daughter and the woman face if returned, according to the UNHCR advisory?",
                            "Which provisions forbid returning them and penalising them for crossing?",
                            "How can a junior guard raise concerns about the order through the chain of command?",
                        ],
                        "takeaway": (
                            "The family has expressed fear of persecution and of forced marriage, which can be a "
                            "form of trafficking. Returning them would breach non-refoulement. Record their "
                            "request, keep them safe, report to superiors and refer the case to the competent "
                            "authority and UNHCR."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Does non-refoulement apply to a person who has not yet been recognised as a refugee?",
                        "choices": [
                            {"text": "No, only to recognised refugees with a certificate.", "is_correct": False},
                            {
                                "text": "Yes. It protects asylum seekers at the border and in the territory while their claim is unresolved.",
                                "is_correct": True,
                            },
                            {"text": "Only if UNHCR is present at the border.", "is_correct": False},
                        ],
                        "explanation": (
                            "UNHCR Executive Committee Conclusion No. 6 (1977) confirms that non-refoulement applies "
                            "at the border and within the territory, whether or not refugee status has been "
                            "formally recognised."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Which protection against return has no exceptions at all?",
                        "choices": [
                            {"text": "Article 33(1) of the Refugee Convention.", "is_correct": False},
                            {"text": "Article 3 of the Convention against Torture.", "is_correct": True},
                            {"text": "Article 31 of the Refugee Convention.", "is_correct": False},
                        ],
                        "explanation": (
                            "Article 33(2) allows narrow exceptions, decided individually by the competent "
                            "authority. The ban on return to torture under Article 3 of the Convention against "
                            "Torture is absolute."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 3
        # ------------------------------------------------------------------
        {
            "slug": "screening-and-referral",
            "title": "Screening and referral at the border",
            "intro": "Spotting asylum seekers and possible trafficking victims, and sending each to the right protection.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Why screening matters", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Border posts and airports are often the only place where the State meets a person "
                        "before exploitation starts, or just after it ends. People leaving Tajikistan for work in "
                        "Russia, Kazakhstan, Türkiye or the Gulf, and people arriving from Afghanistan, pass "
                        "through your hands.</p>"
                        "<p>The UN Special Rapporteur recommended that Tajikistan build the identification of "
                        "trafficking victims into the daily work of border officials, and link the asylum "
                        "procedure with the trafficking protection system. A person at risk of trafficking should "
                        "be able to receive both refugee status and protection as a victim.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Trafficking or smuggling?", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Smuggling</b> is helping a person cross a border irregularly for money. The person "
                        "usually agrees, and the relationship ends on arrival. It is a crime against the State's "
                        "border.</p>"
                        "<p><b>Trafficking</b> is about exploitation. It can happen with or without crossing a "
                        "border, and it continues after arrival. It is a crime against the person.</p>"
                        "<p>A smuggled person can become a trafficking victim, for example when a smuggler "
                        "demands more money on the way and forces the person to work it off. Always ask what "
                        "happens <i>after</i> the journey.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Protection-sensitive screening", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>UNHCR's 10-Point Plan of Action on refugee protection and mixed migration asks States "
                        "to build protection into entry systems, with reception arrangements, profiling and "
                        "referral mechanisms. At a border post, this becomes five steps:</p>"
                        "<ol>"
                        "<li><b>Safety and urgent needs first:</b> medical care, water, food, warmth, "
                        "separating anyone who may be under someone's control.</li>"
                        "<li><b>Information:</b> explain, in a language the person understands, who you are, what "
                        "will happen, and that they can ask for protection.</li>"
                        "<li><b>Profiling:</b> with short, respectful questions, find out who is travelling, why, "
                        "and with whom. Note any vulnerability.</li>"
                        "<li><b>Recording:</b> write down the request for protection and any trafficking "
                        "indicators, in the person's own words where possible.</li>"
                        "<li><b>Referral:</b> send the person to the right service, and to more than one if "
                        "needed.</li>"
                        "</ol>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Referral routes you should know:</p>"
                        "<ul>"
                        "<li><b>Asylum:</b> the Department of Citizenship and Work with Refugees of the Ministry of "
                        "Internal Affairs, with UNHCR informed.</li>"
                        "<li><b>Trafficking:</b> the National Referral Mechanism (Governmental Act No. 327 of "
                        "2016) and the Centre on Trafficking in Persons of the Ministry of Internal Affairs. Under "
                        "Article 11 of the Anti-Trafficking Law, assistance starts from initial "
                        "identification.</li>"
                        "<li><b>Children:</b> child protection authorities, in every case where a child is alone, "
                        "separated, or at risk.</li>"
                        "<li><b>Urgent medical needs:</b> the nearest health facility, without waiting for any "
                        "other procedure.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Trafficking indicators at border posts and airports",
                        "intro": "Watch for these among people leaving and arriving. Several together call for a private conversation.",
                        "indicators": [
                            "Someone else holds the traveller's passport, ticket or phone and answers for them.",
                            "The traveller cannot name the employer, the job or the address at destination.",
                            "The job offer sounds too good: high pay, no skills or language needed.",
                            "A young woman travels alone to a Gulf country for 'hotel', 'cafe' or 'housekeeping' work arranged by an informal agent.",
                            "The traveller owes the recruiter for the ticket and visa, to be repaid from wages.",
                            "Several travellers have identical stories, documents or tickets paid by one person.",
                            "A child travels with an adult who is not a parent and has no written consent.",
                            "An arriving person has injuries, seems afraid, or is returning without documents or wages.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Groups who need extra care", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Special Rapporteur asked that women, girls, men and boys at risk of sexual or "
                        "labour exploitation be identified on arrival and referred to gender-sensitive services, "
                        "with information in a language they understand. Among Afghan refugees in Tajikistan, "
                        "widows and female-headed households face particular risks. She also asked for safe, "
                        "child-friendly spaces where asylum seekers stay.</p>"
                        "<p>Offer women and girls a female officer for any private conversation. Use a "
                        "professional interpreter, not a travelling companion who may be the exploiter.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Confidentiality protects lives",
                        "body": (
                            "<p>Never share information about an asylum seeker with the authorities of the country "
                            "they fled. Do not discuss a possible trafficking victim in front of the people they "
                            "travel with. Keep records secure and share them only with the services you refer "
                            "to.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A 'waitress job' in the Gulf",
                        "scenario": (
                            "<p>At Dushanbe airport, a border officer checks a 19-year-old woman from a rural "
                            "district flying to the United Arab Emirates. A man travelling on the same flight "
                            "carries her passport and her ticket. She says she will be a waitress but does not know "
                            "the name of the restaurant. The 'agency' paid for everything, and she will repay it "
                            "from her wages. Two other young women on the flight have the same story and the same "
                            "man is with them.</p>"
                        ),
                        "discussion_points": [
                            "Which indicators from the checklist are present?",
                            "How can the officer speak to the women privately and safely?",
                            "Who should be informed about the man and the 'agency'?",
                            "What information and contacts should the women receive, whatever they decide?",
                        ],
                        "takeaway": (
                            "A controller holding documents, an unknown employer and a travel debt are strong "
                            "signs of possible trafficking. Speak to each woman alone, inform the Centre on "
                            "Trafficking in Persons, and make sure each woman leaves with hotline and consular "
                            "contacts."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "An Afghan woman asking for asylum also shows signs of having been trafficked. Where should she be referred?",
                        "choices": [
                            {
                                "text": "Only to the asylum procedure; trafficking is a separate matter for later.",
                                "is_correct": False,
                            },
                            {
                                "text": "Only to the trafficking system; she cannot be both a refugee and a victim.",
                                "is_correct": False,
                            },
                            {
                                "text": "To both the asylum procedure and the trafficking protection system.",
                                "is_correct": True,
                            },
                        ],
                        "explanation": (
                            "The Special Rapporteur recommended linking the two systems so that people can access "
                            "both refugee status and protection as victims of trafficking."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "What is the main difference between smuggling and trafficking?",
                        "choices": [
                            {
                                "text": "Trafficking always involves crossing a border; smuggling does not.",
                                "is_correct": False,
                            },
                            {
                                "text": "Trafficking is for the purpose of exploitation and can continue after arrival; smuggling is facilitating irregular border crossing for payment.",
                                "is_correct": True,
                            },
                            {"text": "There is no difference.", "is_correct": False},
                        ],
                        "explanation": (
                            "Trafficking can be internal and is defined by exploitation. Smuggling is about "
                            "irregular crossing. A smuggled person can become a trafficking victim."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 4
        # ------------------------------------------------------------------
        {
            "slug": "consular-assistance",
            "title": "Consular assistance for nationals abroad",
            "intro": "How consular officers protect Tajik migrant workers and victims of trafficking in other countries.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Why consular work is central", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Tajikistan is mainly a country of origin. Russia, Kazakhstan and Türkiye are the main "
                        "destinations for Tajik workers. Migration is mostly seasonal, in construction and "
                        "agriculture in Russia from April to October. About 20 per cent of Tajik migrant workers "
                        "are women, mostly in services, hospitality and domestic work. Women also travel to the "
                        "Gulf, including Qatar, Saudi Arabia and the United Arab Emirates.</p>"
                        "<p>For a person exploited abroad, the consulate is often the only State body they can "
                        "reach. What the consular officer does in the first conversation can decide whether the "
                        "person escapes or stays trapped.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Vienna Convention on Consular Relations (1963)",
                        "article": "Article 5",
                        "paraphrase": (
                            "<p>Consular functions include protecting the interests of nationals, helping and "
                            "assisting them, issuing passports and travel documents, safeguarding the interests of "
                            "minors, and arranging representation for nationals before local courts and "
                            "authorities.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Vienna Convention on Consular Relations (1963)",
                        "article": "Article 36",
                        "paraphrase": (
                            "<p>When a national is arrested or detained, the local authorities must tell the person "
                            "without delay of the right to have their consulate informed. Consular officers have the "
                            "right to communicate with and visit the detained national and to arrange legal "
                            "representation.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (Palermo Protocol, 2000)",
                        "article": "Article 8",
                        "paraphrase": (
                            "<p>The victim's country of nationality must facilitate and accept their return "
                            "without undue delay, with due regard for their safety. Return should preferably be "
                            "voluntary. The country must check nationality quickly when asked and issue the travel "
                            "documents needed for the person to come home.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "What works, and what is missing", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The UN Special Rapporteur praised several measures:</p>"
                        "<ul>"
                        "<li>two additional consulates general in Russia, in Saint Petersburg and Novosibirsk;</li>"
                        "<li>offices of the Migration Service in Russia and efforts to regularise Tajik citizens "
                        "who have overstayed;</li>"
                        "<li>specialists sent to Russian cities and regions with many Tajik workers to issue "
                        "passports on the spot.</li>"
                        "</ul>"
                        "<p>She was concerned that consular help is limited outside the main Russian cities and for "
                        "women workers in the Gulf. She recommended more training for consular staff on victims' "
                        "rights to assistance, protection and repatriation, and on the gender dimension of "
                        "trafficking, including sexual exploitation.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "When a national says they are being exploited", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<ol>"
                        "<li><b>Listen and believe enough to act.</b> Do not judge the person for overstaying, "
                        "working without papers or doing sex work. These are often signs of control.</li>"
                        "<li><b>Assess immediate danger.</b> Is the person locked in, injured, or watched? Are "
                        "children involved?</li>"
                        "<li><b>Replace documents.</b> Issue a passport or emergency travel document without "
                        "penalty when an employer or agent has taken the original.</li>"
                        "<li><b>Connect to help locally.</b> Link the person to trusted local NGOs, IOM, shelters "
                        "and lawyers. Ask for their consent before contacting the local police.</li>"
                        "<li><b>Inform the home system.</b> With consent, inform the Centre on Trafficking in "
                        "Persons so that the National Referral Mechanism is ready on return.</li>"
                        "<li><b>Do not make help conditional.</b> Consular assistance does not depend on the "
                        "person agreeing to testify.</li>"
                        "</ol>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Indicators in consular contacts",
                        "intro": "Listen for these in calls, visits and passport applications.",
                        "indicators": [
                            "The person asks for a new passport because the employer 'keeps' the old one.",
                            "The person has not been paid for months or owes a growing debt to an agent.",
                            "A domestic worker cannot leave the house, has no day off, or has her phone taken.",
                            "Workers live locked in at the worksite, for example in containers or basements.",
                            "The person was promised one job and made to do another, including sex work.",
                            "Relatives in Tajikistan report that they have lost contact or have been asked for money.",
                            "The person is detained abroad for immigration offences but describes forced work or confinement.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "hotline",
                        "title": "Contacts to give every person",
                        "body": (
                            "<p>Give the person the consulate's emergency number, the hotline of the Centre on "
                            "Trafficking in Persons of the Ministry of Internal Affairs, and the free IOM Tajikistan "
                            "hotline for victims. Confirm the current numbers with your mission, and write them "
                            "where the person can keep them safely, not only on a phone that could be taken.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A domestic worker in the Gulf",
                        "scenario": (
                            "<p>A 32-year-old Tajik woman calls the embassy from a borrowed phone. She has worked "
                            "for a family for seven months. Her employer took her passport on arrival, she works "
                            "every day from 6 in the morning to midnight, and she has been paid for only one month. "
                            "She is not allowed to leave the house. When she asked to go home, she was told she "
                            "must first repay her recruitment fee. She is afraid that reporting will get her "
                            "arrested for 'absconding'.</p>"
                        ),
                        "discussion_points": [
                            "Which indicators of forced labour and trafficking are present?",
                            "What can the embassy do about her passport and her return?",
                            "Which local partners could help her leave safely?",
                            "How can her wage claim be recorded for later compensation?",
                        ],
                        "takeaway": (
                            "Confiscated passport, confinement, unpaid wages and debt are clear indicators. Plan a "
                            "safe exit with local partners, issue travel documents, record the wage claim, and "
                            "inform the Centre on Trafficking in Persons so that reception is ready at home."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A worker in Russia asks for a new passport because his employer keeps his old one. What should the consular officer do?",
                        "choices": [
                            {"text": "Refuse until he gets the old passport back.", "is_correct": False},
                            {
                                "text": "Issue the document without penalty, ask about his work conditions, and offer links to help.",
                                "is_correct": True,
                            },
                            {"text": "Fine him for losing his passport.", "is_correct": False},
                        ],
                        "explanation": (
                            "Passport confiscation is a key indicator of forced labour. Issuing documents is a "
                            "consular function under Article 5 of the Vienna Convention and Article 8 of the "
                            "Palermo Protocol."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 5
        # ------------------------------------------------------------------
        {
            "slug": "safe-return",
            "title": "Safe return and reception",
            "intro": "Bringing victims home safely, receiving them well, and protecting foreign victims from unsafe removal.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Return is a process, not a flight", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>For victims exploited abroad, the State facilitates repatriation and provides "
                        "assistance on return. With IOM funding, the Ministry of Internal Affairs helped 16 victims "
                        "return from India, Kazakhstan and Saudi Arabia in 2020 and 2021.</p>"
                        "<p>The UN Special Rapporteur heard that some victims had to rely on relatives to pay for "
                        "the flight home and for urgent medical care after return. A safe return needs planning "
                        "before departure, help on arrival and support afterwards.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Before departure", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<ul>"
                        "<li><b>Voluntary:</b> return should preferably be the person's own choice, made with full "
                        "information.</li>"
                        "<li><b>Safe:</b> check whether traffickers or creditors are waiting at home, and whether "
                        "the family is safe. Some victims were recruited by neighbours or relatives.</li>"
                        "<li><b>Legal proceedings:</b> if there is a case abroad, consider the person's right to "
                        "take part, to claim unpaid wages and to seek compensation.</li>"
                        "<li><b>Documents and costs:</b> arrange travel documents and funding, so the family does "
                        "not have to pay.</li>"
                        "<li><b>Hand-over:</b> with the person's consent, inform the Centre on Trafficking in "
                        "Persons so that a National Referral Mechanism partner meets them on arrival.</li>"
                        "</ul>"
                    ),
                },
                {"type": "heading", "value": {"text": "On arrival", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Border and customs officers are the first Tajik officials the person meets. Move the "
                        "person through immigration and customs quickly and privately. Do not question a "
                        "returning victim in public, and do not open a case for a lost passport or an expired "
                        "stay abroad that was caused by the trafficker.</p>"
                        "<p>Under Article 11 of the Anti-Trafficking Law, assistance begins from initial "
                        "identification. Under Article 29, support is available for up to two months whether or "
                        "not the person cooperates with law enforcement. Article 28 lists legal, psychological, "
                        "medical and material aid and help with work and training.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 11",
                        "paraphrase": "<p>Assistance to victims is provided from the moment of initial identification.</p>",
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "Nationals in conflict zones", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Some Tajik women and children held in camps in Syria, such as Al Hol, and in Iraq may "
                        "be victims of trafficking. Tajikistan brought back 84 children from Iraq in 2019. Returns "
                        "from Syria began in 2019 but were suspended in 2020 because of COVID-19. The Special "
                        "Rapporteur urged that repatriation resume urgently, because of the inhuman conditions in "
                        "the camps, and that consular assistance and protection be provided without "
                        "discrimination. Each returning child needs a best interests determination by child "
                        "protection specialists.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Foreign victims in Tajikistan", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The same standards apply when the victim is a foreign national or stateless person in "
                        "Tajikistan. Return must be safe and preferably voluntary, and nobody may be sent back to "
                        "persecution, torture or a real risk of being trafficked again.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 31",
                        "paraphrase": (
                            "<p>Covers the repatriation of foreign and stateless victims, gives limited rights of "
                            "residence, including during criminal proceedings, and sets factors for deciding "
                            "residence requests. Adult victims whose identity cannot be established cannot receive "
                            "a residence permit and are to be administratively deported, a rule the UN Special "
                            "Rapporteur criticised because no information was available on pre-removal risk "
                            "assessments.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Check the risk before any removal",
                        "body": (
                            "<p>Before a foreign victim or an asylum seeker is removed, make sure that the risks on "
                            "return have been assessed and recorded, and that the person had a chance to ask for "
                            "protection. If the person is Afghan, remember the UNHCR non-return advisory.</p>"
                        ),
                    },
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Risks to check before any return",
                        "intro": "Ask about each point and record the answers before a return goes ahead, in either direction.",
                        "indicators": [
                            "The recruiter or trafficker lives near the person's family.",
                            "The person owes a debt that creditors will try to collect.",
                            "The family took part in, or profited from, the trafficking.",
                            "The person fears stigma or violence at home, for example after sexual exploitation.",
                            "The person has health needs that cannot wait.",
                            "The person is a child and no safe carer has been confirmed.",
                            "The country of return is one where the person fears persecution or torture.",
                        ],
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "Workers returning from Kazakhstan",
                        "scenario": (
                            "<p>Five men from Sughd region arrive at a land border post from Kazakhstan. They "
                            "worked on a farm for five months, slept in a barn, and were paid nothing. The farm "
                            "owner kept their passports; the consulate issued certificates of return. One man has "
                            "an untreated hand injury. They are worried because the local intermediary who sent "
                            "them still demands the 'recruitment fee'. A customs officer wants to search them and "
                            "send them home without further action.</p>"
                        ),
                        "discussion_points": [
                            "Which trafficking indicators are present?",
                            "What should happen at the border post instead of simply sending them home?",
                            "How can the intermediary be investigated without putting the men at risk?",
                            "Which articles of the Anti-Trafficking Law set out the help they can get?",
                        ],
                        "takeaway": (
                            "Unpaid work, confiscated passports, poor housing and debt are indicators of forced "
                            "labour. Get medical help for the injured man, refer all five through the National "
                            "Referral Mechanism, and pass information about the intermediary to the Centre on "
                            "Trafficking in Persons."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Under Article 8 of the Palermo Protocol, how should the return of a trafficking victim take place?",
                        "choices": [
                            {"text": "As fast as possible, whatever the risks.", "is_correct": False},
                            {
                                "text": "With due regard for the person's safety, and preferably voluntarily.",
                                "is_correct": True,
                            },
                            {"text": "Only after the trafficker has been convicted.", "is_correct": False},
                        ],
                        "explanation": "Article 8 requires attention to safety and prefers voluntary return, without undue delay.",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A returning victim arrives without a passport because the employer abroad kept it. What should the border officer do?",
                        "choices": [
                            {"text": "Open an administrative case for the lost passport.", "is_correct": False},
                            {
                                "text": "Help the person through procedures quickly and privately and make sure they are referred for assistance.",
                                "is_correct": True,
                            },
                            {
                                "text": "Send the person back to the country of exploitation to collect it.",
                                "is_correct": False,
                            },
                        ],
                        "explanation": (
                            "The missing passport is a result of the exploitation. A protective reception and a "
                            "referral are required; punishment is not."
                        ),
                    },
                },
            ],
        },
    ],
}


ASSESSMENT = {
    "title": "Assessment: Asylum and protection at borders",
    "intro": (
        "Ten questions are drawn at random from this pool. They test how you would protect asylum seekers, "
        "possible victims of trafficking and nationals abroad in real situations."
    ),
    "questions": [
        {
            "type": "single_choice",
            "question": "What does the principle of non-refoulement forbid?",
            "choices": [
                {
                    "text": "Returning a person in any manner to a place where they face persecution, torture or other serious harm.",
                    "is_correct": True,
                },
                {"text": "Asking a person for identity documents at the border.", "is_correct": False},
                {"text": "Registering asylum seekers with the Ministry of Internal Affairs.", "is_correct": False},
            ],
            "explanation": "Non-refoulement bans return to danger in any form, including rejection at the border.",
        },
        {
            "type": "true_false",
            "statement": "Non-refoulement protects only people who have already been formally recognised as refugees.",
            "is_true": False,
            "explanation": (
                "UNHCR Executive Committee Conclusion No. 6 (1977) confirms that it applies at the border and "
                "within the territory, whether or not status has been formally recognised."
            ),
        },
        {
            "type": "true_false",
            "statement": "A person must use the word 'asylum' for their request for protection to count.",
            "is_true": False,
            "explanation": "Any expression of fear of return or need for protection must be recorded and referred.",
        },
        {
            "type": "single_choice",
            "question": "Which article of the 1951 Refugee Convention protects refugees from penalties for illegal entry or presence?",
            "choices": [
                {"text": "Article 1A(2)", "is_correct": False},
                {"text": "Article 31", "is_correct": True},
                {"text": "Article 33", "is_correct": False},
            ],
            "explanation": (
                "Article 31 bans penalties for refugees coming directly from danger who report without delay. "
                "Article 33 is non-refoulement; Article 1A(2) is the refugee definition."
            ),
        },
        {
            "type": "single_choice",
            "question": "Who may decide that the exception in Article 33(2) of the Refugee Convention applies to a person?",
            "choices": [
                {"text": "The patrol commander at the border, on the spot.", "is_correct": False},
                {
                    "text": "The competent authority, through an individual decision with proper procedure.",
                    "is_correct": True,
                },
                {"text": "Any officer who suspects the person of a crime.", "is_correct": False},
            ],
            "explanation": "The exceptions are narrow and require an individual decision by the competent authority.",
        },
        {
            "type": "multiple_choice",
            "question": "Which actions can amount to refoulement? (select all that apply)",
            "choices": [
                {"text": "Pushing people back across the border after they ask for protection.", "is_correct": True},
                {
                    "text": "Leaving asylum seekers in a buffer zone until they are forced to return.",
                    "is_correct": True,
                },
                {"text": "Deporting an asylum seeker before the claim is examined.", "is_correct": True},
                {
                    "text": "Referring an asylum seeker to the Department of Citizenship and Work with Refugees.",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": "Any form of return to danger without examination can be refoulement. Referral is the correct step.",
        },
        {
            "type": "true_false",
            "statement": "The closure of the border with Afghanistan in August 2021 allows border guards to return any Afghan who crosses, even if they ask for protection.",
            "is_true": False,
            "explanation": "A border closure does not suspend non-refoulement. Requests for protection must be recorded and referred.",
        },
        {
            "type": "single_choice",
            "question": "Which body decides refugee status in Tajikistan?",
            "choices": [
                {"text": "The Border Troops.", "is_correct": False},
                {
                    "text": "The Department of Citizenship and Work with Refugees of the Passport Registration Service, Ministry of Internal Affairs.",
                    "is_correct": True,
                },
                {"text": "The consular service abroad.", "is_correct": False},
            ],
            "explanation": "Refugee status determination is done by this Department of the Ministry of Internal Affairs.",
        },
        {
            "type": "multiple_choice",
            "question": "Which gaps in the asylum system did the UN Special Rapporteur describe? (select all that apply)",
            "choices": [
                {"text": "Pre-screening before an asylum claim is registered.", "is_correct": True},
                {
                    "text": "Registration depending on documents and residence many refugees cannot provide.",
                    "is_correct": True,
                },
                {"text": "Suspension of residence permits for new Afghan arrivals in July 2021.", "is_correct": True},
                {"text": "Asylum applications with no time limit at all.", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": (
                "All three gaps were reported. There is a time limit: one month after arrival, which people miss "
                "when registration is blocked."
            ),
        },
        {
            "type": "single_choice",
            "question": "Which UNHCR guidance explains when victims of trafficking may qualify as refugees?",
            "choices": [
                {"text": "UNHCR Guidelines on International Protection No. 7.", "is_correct": True},
                {"text": "The Vienna Convention on Consular Relations.", "is_correct": False},
                {"text": "Government resolution No. 325 of 2000.", "is_correct": False},
            ],
            "explanation": (
                "Guidelines No. 7 (2006) cover victims and persons at risk of trafficking. The Special Rapporteur "
                "recommended that Tajikistan follow them."
            ),
        },
        {
            "type": "true_false",
            "statement": "A person at risk of trafficking who seeks asylum should be able to access both refugee status and protection as a victim of trafficking.",
            "is_true": True,
            "explanation": "The Special Rapporteur recommended coordination between the asylum procedure and the trafficking protection system.",
        },
        {
            "type": "multiple_choice",
            "question": "At Dushanbe airport, which are indicators of possible trafficking of a departing traveller? (select all that apply)",
            "choices": [
                {"text": "Another person holds her passport and ticket.", "is_correct": True},
                {"text": "She does not know the name of her employer.", "is_correct": True},
                {"text": "She owes the recruiter for the ticket, to be repaid from wages.", "is_correct": True},
                {
                    "text": "She has a valid passport in her own hands and a signed contract she understands.",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": "Control of documents, unknown employer and travel debt are indicators. Holding one's own papers and contract is not.",
        },
        {
            "type": "single_choice",
            "question": "What distinguishes trafficking from smuggling?",
            "choices": [
                {
                    "text": "Trafficking aims at exploitation and can happen without crossing a border.",
                    "is_correct": True,
                },
                {"text": "Smuggling always involves exploitation after arrival.", "is_correct": False},
                {"text": "Trafficking requires the person to pay the trafficker.", "is_correct": False},
            ],
            "explanation": "Trafficking is defined by exploitation; smuggling by irregular border crossing for payment.",
        },
        {
            "type": "single_choice",
            "question": "Which article of the Vienna Convention on Consular Relations concerns consular contact with nationals who are arrested or detained?",
            "choices": [
                {"text": "Article 5", "is_correct": False},
                {"text": "Article 36", "is_correct": True},
                {"text": "Article 8", "is_correct": False},
            ],
            "explanation": "Article 36 covers notification, communication and visits. Article 5 lists consular functions in general.",
        },
        {
            "type": "multiple_choice",
            "question": "Under Article 8 of the Palermo Protocol, what must the victim's country of nationality do? (select all that apply)",
            "choices": [
                {"text": "Facilitate and accept the return without undue delay.", "is_correct": True},
                {"text": "Have due regard for the person's safety.", "is_correct": True},
                {"text": "Issue travel documents needed for return.", "is_correct": True},
                {"text": "Require the victim to testify before issuing documents.", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": "Article 8 covers prompt, safe, preferably voluntary return and documents. It sets no condition of testimony.",
        },
        {
            "type": "true_false",
            "statement": "The UN Special Rapporteur was concerned about limited consular assistance outside the main Russian cities and for women migrant workers in the Gulf.",
            "is_true": True,
            "explanation": "She welcomed new consulates general in Saint Petersburg and Novosibirsk but noted these gaps.",
        },
        {
            "type": "single_choice",
            "question": "What should a consular officer do when a national abroad reports exploitation but does not want to go to the police?",
            "choices": [
                {"text": "Refuse help until the person files a police complaint.", "is_correct": False},
                {
                    "text": "Provide consular help, documents and links to local support, and respect the person's choice about the police.",
                    "is_correct": True,
                },
                {"text": "Report the person to local immigration authorities.", "is_correct": False},
            ],
            "explanation": "Assistance must not depend on cooperation. Reporting the person to immigration could lead to detention.",
        },
        {
            "type": "scenario",
            "case": (
                "<p>In August 2021, soon after the border with Afghanistan was closed, a border post in Khatlon "
                "region sees a group of about 80 Afghans gathering on an island in the river. Among them are "
                "women travelling alone with children, and several teenage boys. Through a colleague who speaks "
                "Dari, guards hear that some men worked for the former government and that one woman fears her "
                "daughters will be forced into marriage. The group has little food. An order arrives to keep "
                "them out and wait until they leave.</p>"
            ),
            "questions": [
                {
                    "type": "single_choice",
                    "question": "What does international law require in this situation?",
                    "choices": [
                        {
                            "text": "Keep them out until they go back, because the border is closed.",
                            "is_correct": False,
                        },
                        {
                            "text": "Allow access so that protection claims can be registered and assessed, and do not force them back.",
                            "is_correct": True,
                        },
                        {"text": "Admit only the men who worked for the former government.", "is_correct": False},
                    ],
                    "explanation": (
                        "Non-refoulement includes non-rejection at the frontier (UNHCR Executive Committee "
                        "Conclusions No. 6, 22 and 82). The Special Rapporteur recommended access to territory for "
                        "those seeking asylum."
                    ),
                },
                {
                    "type": "multiple_choice",
                    "question": "Which people in the group face specific trafficking risks if returned, according to the UNHCR advisory? (select all that apply)",
                    "choices": [
                        {
                            "text": "Women and girls, for example through forced marriage or sexual exploitation.",
                            "is_correct": True,
                        },
                        {"text": "Boys, who also face trafficking risks on return.", "is_correct": True},
                        {"text": "No one, because they are in a group.", "is_correct": False},
                    ],
                    "partial_credit": True,
                    "explanation": "The report and the UNHCR advisory mention risks for women and girls and for boys.",
                },
                {
                    "type": "true_false",
                    "statement": "A junior guard who is concerned about the order should record the protection requests and report them up the chain of command.",
                    "is_true": True,
                    "explanation": "Recording and escalating requests for protection is the lawful and safe way to prevent refoulement.",
                },
            ],
        },
        {
            "type": "scenario",
            "case": (
                "<p>A Tajik man of 40 comes to the consulate general in Novosibirsk. He worked at a warehouse for "
                "six months. The owner holds the passports of all twelve Tajik workers, pays them only for food, "
                "and says they owe money for housing. They sleep at the warehouse and are told the police will "
                "deport them if they leave. His 90-day stay has long expired. He wants to go home, but he is "
                "afraid for the other workers and does not want to give his name to the Russian police. His "
                "family cannot pay for a ticket.</p>"
            ),
            "questions": [
                {
                    "type": "single_choice",
                    "question": "What should the consular officer do first?",
                    "choices": [
                        {"text": "Tell him to return to the warehouse and get his passport.", "is_correct": False},
                        {
                            "text": "Treat him as a possible victim, assess his safety, issue a travel document and connect him with local help.",
                            "is_correct": True,
                        },
                        {"text": "Tell him nothing can be done because his stay has expired.", "is_correct": False},
                    ],
                    "explanation": (
                        "Passport confiscation, unpaid work, debt and threats are indicators of forced labour. "
                        "His expired stay was caused by the exploitation."
                    ),
                },
                {
                    "type": "true_false",
                    "statement": "The consulate may help him only if he agrees to make a statement to the Russian police.",
                    "is_true": False,
                    "explanation": "Assistance must not be conditional on cooperation with law enforcement.",
                },
                {
                    "type": "multiple_choice",
                    "question": "What else should the consulate do? (select all that apply)",
                    "choices": [
                        {
                            "text": "With his consent, inform the Centre on Trafficking in Persons so that he is received through the National Referral Mechanism.",
                            "is_correct": True,
                        },
                        {
                            "text": "Look for funding for his return, for example through IOM, so his family does not have to pay.",
                            "is_correct": True,
                        },
                        {"text": "Consider how to reach the other eleven workers safely.", "is_correct": True},
                        {
                            "text": "Share his name with the warehouse owner to recover his passport.",
                            "is_correct": False,
                        },
                    ],
                    "partial_credit": True,
                    "explanation": (
                        "Reception at home, funded return and protection of the other workers are all part of a "
                        "good response. Contacting the exploiter would endanger him."
                    ),
                },
            ],
        },
    ],
}
