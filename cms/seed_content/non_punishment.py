"""Seed course: The non-punishment principle. Written for Frontline from the public reports in shared/seeds."""

COURSE = {
    "slug": "non-punishment",
    "title": "The non-punishment principle",
    "summary": (
        "Victims of trafficking are often forced to break the law. Learn which offences the "
        "non-punishment principle covers, how the 2014 Anti-Trafficking Law applies it, and how "
        "to protect victims instead of punishing them."
    ),
    "learning_outcomes": [
        "By the end you can explain what the non-punishment principle is and why it protects both victims and investigations.",
        "By the end you can recognise immigration, document, prostitution-related and forced criminality offences that may be linked to trafficking.",
        "By the end you can name the provisions of the 2014 Anti-Trafficking Law and the Criminal Code that apply, including Articles 11, 20, 29 and 31 of the Law and Articles 130.1, 238 and 239 of the Code.",
        "By the end you can refer a possible victim through the National Referral Mechanism without making assistance depend on cooperation.",
        "By the end you can apply the principle to migrants facing removal and to women and children returning from conflict zones.",
    ],
    "estimated_minutes": 100,
    "validity_months": 24,
    "required_for": [
        "police",
        "mia-ctip",
        "prosecutor",
        "border-troops",
        "migration",
        "drug-control",
        "customs",
    ],
    "lessons": [
        # ------------------------------------------------------------------
        # Lesson 1
        # ------------------------------------------------------------------
        {
            "slug": "what-it-protects",
            "title": "What the non-punishment principle protects",
            "intro": "Why a person who was trafficked must not be punished for offences they were forced to commit.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Why this principle exists", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Traffickers very often make their victims break the law. They take away passports, "
                        "send people across borders without the right papers, hand them false documents, or force "
                        "them to sell sex, carry drugs, steal or beg.</p>"
                        "<p>When an officer meets such a person, the first thing the officer sees is the offence. "
                        "The trafficking behind it stays hidden unless the officer looks for it.</p>"
                        "<p>If we arrest, fine, detain or deport that person, we punish the victim for the "
                        "trafficker's crime. The victim learns that the police are a danger. The trafficker keeps "
                        "control. The evidence we need to stop the trafficker is lost.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The <b>non-punishment principle</b> says that a victim of trafficking should not be "
                        "penalised for unlawful acts that they were compelled to commit as a direct consequence of "
                        "being trafficked.</p>"
                        "<p>It is a rule of justice, because the person did not act freely. It is also a rule of "
                        "good policing, because victims who feel safe are the best source of evidence against "
                        "traffickers.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "info",
                        "title": "The key question",
                        "body": (
                            "<p>The principle does not ask whether the person broke the law. It asks <b>why</b> "
                            "they broke it. If the honest answer is 'because they were being trafficked', the State "
                            "must not punish them for it.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "First: could the person be a victim of trafficking?", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The principle only works if the victim is recognised. Tajikistan ratified the UN "
                        "Trafficking in Persons Protocol (the Palermo Protocol) in 2002. Its Article 3 gives the "
                        "international definition, built from three elements:</p>"
                        "<ul>"
                        "<li><b>Act:</b> recruiting, transporting, transferring, harbouring or receiving a person.</li>"
                        "<li><b>Means:</b> threats, force or other coercion, abduction, fraud, deception, abuse of "
                        "power or of a position of vulnerability, or payments to someone who controls the victim.</li>"
                        "<li><b>Purpose:</b> exploitation, such as sexual exploitation, forced labour or services, "
                        "slavery or similar practices, servitude, or removal of organs.</li>"
                        "</ul>"
                        "<p>For a child under 18, the 'means' do not have to be shown. Act and purpose are "
                        "enough.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (Palermo Protocol, 2000)",
                        "article": "Article 3",
                        "paraphrase": (
                            "<p>Trafficking is an act (recruitment, transport, transfer, harbouring or receipt of a "
                            "person) done through improper means (threat, force, coercion, abduction, fraud, "
                            "deception, abuse of power or vulnerability, or payments to a person in control) for the "
                            "purpose of exploitation. If any of those means was used, the victim's consent to the "
                            "intended exploitation does not matter. Where the victim is a child under 18, no means "
                            "need to be proved.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "Which offences are covered", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Four groups of offences appear again and again in cases involving Tajik nationals, at "
                        "home and abroad.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "1. Immigration and status offences", "level": "h3"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Examples: staying in Russia past the 90 days of visa-free stay, working without a "
                        "permit, crossing a border irregularly, or not registering a place of residence.</p>"
                        "<p>Traffickers create these offences on purpose. An employer who keeps a worker's passport "
                        "makes the worker 'illegal', and then uses the fear of the police to keep the worker "
                        "silent.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "2. Document offences", "level": "h3"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Examples: travelling on a false passport or on someone else's documents arranged by a "
                        "recruiter, having no identity papers because they were taken, or lying about age or "
                        "identity on the trafficker's orders.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "3. Prostitution-related offences", "level": "h3"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Criminal Code punishes involvement in prostitution (Article 238) and keeping or "
                        "organising brothels (Article 239). The UN Special Rapporteur on trafficking, after her "
                        "visit to Tajikistan in December 2021, reported that women trafficked for sexual "
                        "exploitation were being prosecuted under these articles instead of being identified as "
                        "victims. She called this a serious concern.</p>"
                        "<p>Some victims are also forced to recruit or watch over other women. That does not "
                        "automatically make them traffickers. Their role must be examined in the light of what "
                        "was done to them.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "4. Forced criminality", "level": "h3"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Examples: carrying or selling drugs, theft and pickpocketing, forced begging, online "
                        "fraud, and taking part in criminal groups or armed conflict.</p>"
                        "<p>Article 1 of Tajikistan's 2014 Anti-Trafficking Law lists forced participation in "
                        "criminal groups, in criminal and illegal activity and in armed conflicts as forms of "
                        "exploitation. A person used in this way is a victim, even though the acts are crimes.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "What counts as 'punishment'", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Punishment is not only a prison sentence. The principle also covers:</p>"
                        "<ul>"
                        "<li>arrest and detention, including in a temporary holding facility;</li>"
                        "<li>a criminal charge, an administrative case or a prosecution;</li>"
                        "<li>fines;</li>"
                        "<li>deportation or an entry ban;</li>"
                        "<li>a criminal record that later blocks work, travel or a passport;</li>"
                        "<li>being kept in a closed facility against one's will.</li>"
                        "</ul>"
                    ),
                },
                {"type": "heading", "value": {"text": "The link that matters: compulsion", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The principle is not a general amnesty. It covers offences that are connected to the "
                        "trafficking. The OSCE Special Representative's 2013 recommendations on the non-punishment "
                        "provision describe this link: the person was compelled to act, or the offence was a direct "
                        "consequence of their situation as a trafficked person.</p>"
                        "<p>Ask two questions. Was the person under the control of someone using threats, force, "
                        "debt, deception or their vulnerability? Did the offence happen because of that control? "
                        "If both answers may be yes, treat the person as a possible victim and refer the case.</p>"
                        "<p>For serious violent offences, the assessment is made carefully, case by case, by the "
                        "prosecutor and the court. Even then, the trafficking must be taken into account.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Do not wait for the word 'trafficking'",
                        "body": (
                            "<p>Many victims do not know the legal term. Some think they are to blame because they "
                            "agreed to the job, owe money, or were told they are criminals. Identification is the "
                            "State's duty. It does not depend on the victim making a complaint.</p>"
                        ),
                    },
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Signs that an offence may be linked to trafficking",
                        "intro": "One sign alone proves nothing. Several together mean you should stop, ask and refer.",
                        "indicators": [
                            "The person's passport or ID is held by an employer, recruiter, 'landlord' or partner.",
                            "The person owes a debt for travel, a job or housing that keeps growing.",
                            "Someone else speaks for the person, answers your questions or watches the conversation.",
                            "The person does not know the address where they live or work.",
                            "The person seems afraid of someone other than the police, or of what will happen to their family.",
                            "The person was told what to say if stopped by the police.",
                            "The offence earns money that the person does not keep.",
                            "The person is under 18, or looks it, and is involved in sex work, drug selling or begging.",
                            "The person has injuries, signs of neglect, or seems exhausted or confused.",
                            "The person was recruited with a promise of a different job or a different country.",
                        ],
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A raid on a rented flat in Dushanbe",
                        "scenario": (
                            "<p>Police check a rented flat after complaints from neighbours. Inside are three young "
                            "women from villages in Khatlon region. One looks about 17. A man who was in the flat "
                            "leaves quickly as the police arrive.</p>"
                            "<p>A colleague starts to prepare papers under Article 238 of the Criminal Code. One of "
                            "the women says quietly that she came to the city for a job in a cafe, that she 'owes "
                            "for the ticket and the room', and that the woman who rents the flat keeps all their "
                            "passports. Their phones were taken away.</p>"
                        ),
                        "discussion_points": [
                            "Which elements of the trafficking definition (act, means, purpose) might be present?",
                            "What changes because one of the women may be under 18?",
                            "What should the officer do instead of preparing charges under Article 238?",
                            "Who should be told about the man who left and the woman who holds the passports?",
                        ],
                        "takeaway": (
                            "Debt, confiscated passports and a promised job that turned into something else are "
                            "strong indicators. Pause the offence procedure, separate the women safely, and refer "
                            "them for identification and assistance. Investigate the people who control them."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "What does the non-punishment principle protect a trafficking victim from?",
                        "choices": [
                            {"text": "Any criminal charge for any offence they ever committed.", "is_correct": False},
                            {
                                "text": "Penalties for unlawful acts they were compelled to commit as a direct consequence of being trafficked.",
                                "is_correct": True,
                            },
                            {
                                "text": "Only a prison sentence; fines and deportation are still allowed.",
                                "is_correct": False,
                            },
                        ],
                        "explanation": (
                            "The principle is not a general amnesty. It covers offences connected to the "
                            "trafficking, and 'punishment' includes arrest, detention, fines, deportation and "
                            "criminal records, not only prison."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A 16-year-old boy is caught selling drugs for an adult who recruited him. Do you need to prove threats or deception before treating him as a possible victim?",
                        "choices": [
                            {"text": "Yes, the means must always be proved.", "is_correct": False},
                            {
                                "text": "No. For a child, the act and the purpose of exploitation are enough.",
                                "is_correct": True,
                            },
                            {"text": "Only if he asks for help himself.", "is_correct": False},
                        ],
                        "explanation": (
                            "Under Article 3 of the Palermo Protocol and Tajik law, the means are irrelevant when "
                            "the victim is a child. Forced criminality is a form of exploitation."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 2
        # ------------------------------------------------------------------
        {
            "slug": "tajik-law",
            "title": "Non-punishment in Tajik law",
            "intro": "How the Criminal Code and the 2014 Anti-Trafficking Law fit together, and where the gaps are.",
            "estimated_minutes": 25,
            "body": [
                {"type": "heading", "value": {"text": "Two laws, two jobs", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Tajikistan's response to trafficking rests on two main laws. The <b>Criminal Code</b> "
                        "punishes traffickers. The <b>Law on Counteracting Trafficking in Persons and Providing "
                        "Support to Victims of Trafficking in Persons</b> of 2014 (the Anti-Trafficking Law) "
                        "protects and assists victims. It replaced an earlier law from 2004.</p>"
                        "<p>An officer needs both. The first tells you whom to investigate. The second tells you "
                        "how to treat the person in front of you.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "The Criminal Code", "level": "h2"}},
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Criminal Code of the Republic of Tajikistan",
                        "article": "Article 130.1",
                        "paraphrase": (
                            "<p>Makes trafficking in persons a crime. It covers trafficking for sexual exploitation "
                            "and for forced labour.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Criminal Code of the Republic of Tajikistan",
                        "article": "Article 130(2)",
                        "paraphrase": (
                            "<p>Provides heavier punishment for trafficking in certain situations, including when "
                            "violence is used and when the offence is committed by an official.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Criminal Code of the Republic of Tajikistan",
                        "article": "Article 167",
                        "paraphrase": "<p>Deals specifically with trafficking in minors.</p>",
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Criminal Code of the Republic of Tajikistan",
                        "article": "Articles 238 and 239",
                        "paraphrase": (
                            "<p>Article 238 concerns involvement in prostitution; Article 239 concerns keeping or "
                            "organising brothels. The UN Special Rapporteur (report A/HRC/50/33/Add.1, 2022) "
                            "reported that victims of trafficking for sexual exploitation were being prosecuted "
                            "under these articles instead of being identified as victims.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "The 2014 Anti-Trafficking Law", "level": "h2"}},
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 1",
                        "paraphrase": (
                            "<p>Defines trafficking and exploitation. The list of exploitative purposes is wide. "
                            "Besides sexual exploitation and forced labour, it includes begging, illegal removal of "
                            "organs or tissue, illegal adoption for profit, illegal use of a person for "
                            "reproduction or biomedical research, and forced participation in criminal groups, "
                            "criminal and illegal activity or armed conflicts. For a child victim, the means are "
                            "irrelevant.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 20",
                        "paraphrase": (
                            "<p>Confirms that the victim's consent is irrelevant when any of the means in the "
                            "definition of trafficking was used. A person's status as a victim does not depend on "
                            "cooperating with law enforcement or on being formally recognised as the aggrieved party "
                            "in a criminal case. Parts 4 and 5 of the Article provide for the application of the "
                            "non-punishment principle to victims.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "What Article 20 means on duty", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Article 20 gives you three working rules.</p>"
                        "<ol>"
                        "<li><b>'She agreed to go' is not a defence for the trafficker.</b> If deception, threats, "
                        "debt or abuse of vulnerability was used, consent does not count.</li>"
                        "<li><b>A victim is a victim whether or not they give evidence.</b> Refusing to make a "
                        "statement does not turn a victim into an offender.</li>"
                        "<li><b>Non-punishment is part of Tajik law.</b> It is not only an international "
                        "recommendation. Parts 4 and 5 of Article 20 require it to be applied.</li>"
                        "</ol>"
                    ),
                },
                {"type": "heading", "value": {"text": "The gap between law and practice", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Be honest about the weak points, because they affect real cases.</p>"
                        "<p>The UN Special Rapporteur was told during her visit that there was confusion between "
                        "the different legal provisions and gaps in implementation. A reform was being prepared to "
                        "write the non-punishment principle into the Criminal Code itself.</p>"
                        "<p>Until that happens, an officer may face a situation where the Criminal Code seems to "
                        "require a charge while the Anti-Trafficking Law says the victim must not be punished. In "
                        "that situation, do not decide alone. Record the trafficking indicators in writing, inform "
                        "your supervisor and the prosecutor, and refer the person for identification.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Who identifies a victim", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Under the National Referral Mechanism, set up by Governmental Act No. 327 of 2016, a "
                        "State agency or a non-governmental organisation may make a <b>preliminary "
                        "identification</b>. Under Article 12 of the Anti-Trafficking Law, only authorised State "
                        "agencies may complete the <b>formal identification</b>.</p>"
                        "<p>So every frontline officer can and should start the process. You do not need to be "
                        "certain. Reasonable indications are enough to refer.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "International guidance", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Two documents explain how the principle should work in practice.</p>"
                        "<ul>"
                        "<li>The UN Recommended Principles and Guidelines on Human Rights and Human Trafficking "
                        "(2002), Principle 7: trafficked persons should not be detained, charged or prosecuted for "
                        "irregular entry or residence, or for unlawful activities, to the extent that their "
                        "involvement is a direct consequence of being trafficked.</li>"
                        "<li>The OSCE Special Representative and Co-ordinator for Combating Trafficking in Human "
                        "Beings, Policy and legislative recommendations on the non-punishment provision (2013). "
                        "They advise that the principle should cover criminal, administrative and immigration "
                        "offences; apply at the earliest possible stage, ideally before any charge; not depend on "
                        "the victim's cooperation; and be supported by clear guidance for police and "
                        "prosecutors. Where a victim has already been punished, records should be corrected.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Apply it early",
                        "body": (
                            "<p>The earlier the principle is applied, the less harm is done. Every day in a cell "
                            "or every fine paid teaches the victim that the trafficker was right about the police. "
                            "The best moment is at first contact, before a charge is written.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Step by step at first contact", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<ol>"
                        "<li>Make the person safe and separate them from anyone who may control them.</li>"
                        "<li>Look for indicators and ask simple, open questions in a language the person understands.</li>"
                        "<li>Write down what you see and hear, including the link between the offence and the control.</li>"
                        "<li>Pause any offence procedure and inform your supervisor and the prosecutor.</li>"
                        "<li>Make a preliminary identification and refer through the National Referral Mechanism, "
                        "or contact the Centre on Trafficking in Persons of the Ministry of Internal Affairs.</li>"
                        "<li>Investigate the people who exploited the victim.</li>"
                        "</ol>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A courier at the bus station",
                        "scenario": (
                            "<p>Officers stop a 19-year-old man from a mountain village at a bus station. He is "
                            "carrying a package of drugs. He says he answered an advertisement on a messaging app "
                            "for building work in Dushanbe. On arrival, two men took his passport and phone, beat "
                            "him, and told him that his younger sister would 'pay' if he did not deliver packages. "
                            "This is his fourth trip. He has been paid nothing.</p>"
                        ),
                        "discussion_points": [
                            "Which parts of his story show act, means and purpose?",
                            "Which provision of the Anti-Trafficking Law lists forced participation in criminal activity as exploitation?",
                            "What should be recorded so the prosecutor can apply Article 20?",
                            "How can the investigation turn towards the two men and the online recruiter?",
                        ],
                        "takeaway": (
                            "Forced criminality is exploitation under Article 1 of the Anti-Trafficking Law. "
                            "Record the coercion, inform the prosecutor, refer the young man for identification, "
                            "and use his information, with his consent, to pursue the traffickers."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Under the National Referral Mechanism and Article 12 of the Anti-Trafficking Law, who may complete the formal identification of a victim?",
                        "choices": [
                            {"text": "Any NGO or State agency.", "is_correct": False},
                            {
                                "text": "Only authorised State agencies; preliminary identification can be made by a State agency or an NGO.",
                                "is_correct": True,
                            },
                            {"text": "Only a court, after a conviction of the trafficker.", "is_correct": False},
                        ],
                        "explanation": (
                            "Preliminary identification is open to State agencies and NGOs. Formal identification "
                            "is reserved to authorised State agencies under Article 12. No conviction is needed."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "According to Article 20 of the Anti-Trafficking Law, does a person stop being a victim if they refuse to give a statement?",
                        "choices": [
                            {"text": "Yes, victim status depends on cooperation.", "is_correct": False},
                            {"text": "Only if they are a foreign national.", "is_correct": False},
                            {
                                "text": "No. Victim status does not depend on cooperation with law enforcement.",
                                "is_correct": True,
                            },
                        ],
                        "explanation": (
                            "Article 20 states that victim status does not depend on cooperating with law "
                            "enforcement or on being the aggrieved party in a criminal case."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 3
        # ------------------------------------------------------------------
        {
            "slug": "assistance-without-conditions",
            "title": "Assistance without conditions",
            "intro": "Help for victims starts at identification and must not be traded for testimony.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "The rule", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Non-punishment has a second half: a victim must not only be spared punishment, but "
                        "also helped. Under Article 11 of the Anti-Trafficking Law, assistance starts from the "
                        "moment of <b>initial identification</b>, not from the end of an investigation.</p>"
                        "<p>Under the Law and the National Referral Mechanism, assistance is <b>not conditional on "
                        "cooperation</b> with law enforcement. Each victim's needs are assessed individually. Help "
                        "is given with the victim's consent and without discrimination.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 11",
                        "paraphrase": "<p>Victims receive assistance from the moment of their initial identification.</p>",
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 28",
                        "paraphrase": (
                            "<p>Sets out the content of assistance: legal, psychological, medical and material "
                            "aid, and support to find work or receive vocational guidance and training.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 29",
                        "paraphrase": (
                            "<p>Victims receive support for up to two months whether or not they are willing to "
                            "cooperate with law enforcement. Legally recognised victims are not to be held in a "
                            "detention facility or a similar place.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Governmental Act No. 327 of 2016 (National Referral Mechanism)",
                        "article": "National Referral Mechanism",
                        "paraphrase": (
                            "<p>Sets up the system for referring victims to comprehensive support and services. It "
                            "provides for an individual assessment of each victim's needs, assistance with consent "
                            "and without discrimination, and specialised support centres run by the State or by "
                            "NGOs, together with long-term social protection.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "A tension you should know about", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Article 4.3 of the same Law allows a 'differentiated approach': the amount of "
                        "rehabilitation and social adaptation services may vary depending on whether the victim "
                        "agrees to cooperate with law enforcement.</p>"
                        "<p>The UN Special Rapporteur found that, in practice, victims were required to cooperate "
                        "before they received assistance and protection, and that free legal aid was often offered "
                        "only to those who cooperated. She recommended that specialised services and free legal "
                        "aid be provided at all stages, whether or not the victim agrees to cooperate.</p>"
                        "<p>For you, the rule is simple. Basic assistance, and the two months of support in Article "
                        "29, never depend on a statement. Never tell a victim that help depends on testimony.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Why pressure backfires", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims may be afraid of reprisals against themselves or their families. They may "
                        "still owe a debt to the trafficker. Trauma can make their memory patchy at first. Women "
                        "exploited in prostitution often fear shame and rejection at home.</p>"
                        "<p>A person pushed to testify too early may give a confused account, withdraw later, or "
                        "disappear. A person who is safe, housed and treated with respect is far more likely to "
                        "help the investigation when ready. Unconditional help is the best investigative tool you "
                        "have.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "What help exists", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Know the real picture so that you can make realistic referrals.</p>"
                        "<ul>"
                        "<li>The State shelter in Dushanbe operates under the Ministry of Health. It has 30 places "
                        "and 27 staff, but only 5 victims stayed there in 2021.</li>"
                        "<li>There was no specialised safe accommodation outside Dushanbe, and no shelter for male "
                        "victims, at the time of the UN visit.</li>"
                        "<li>IOM Tajikistan and NGO partners provide shelter, legal, psychological and medical "
                        "help, vocational training and support to start small businesses.</li>"
                        "<li>The Centre on Trafficking in Persons of the Ministry of Internal Affairs, created in "
                        "2017, coordinates police work on trafficking and runs a dedicated hotline.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "hotline",
                        "title": "Where to call",
                        "body": (
                            "<p>The Centre on Trafficking in Persons of the Ministry of Internal Affairs runs a "
                            "dedicated hotline for victims and people at risk; it is advertised on radio and "
                            "television. IOM Tajikistan also runs a free hotline for victims. Check the current "
                            "numbers with your supervisor or the Centre, save them in your phone, and give them to "
                            "every person you refer.</p>"
                        ),
                    },
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Signs that urgent help comes before any interview",
                        "intro": "If you see any of these, arrange help first. The statement can wait.",
                        "indicators": [
                            "Injuries, pain or an untreated illness.",
                            "Pregnancy, or young children who depend on the person.",
                            "No safe place to sleep tonight.",
                            "No food, money or phone.",
                            "Threats against the person or their family in Tajikistan.",
                            "Visible panic, confusion or exhaustion.",
                            "The person is a child without a parent or guardian present.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>At first contact, tell the person clearly, in a language they understand:</p>"
                        "<ul>"
                        "<li>that they are not in trouble for what they were forced to do;</li>"
                        "<li>what help is available and that accepting it is their choice;</li>"
                        "<li>that help does not depend on giving evidence;</li>"
                        "<li>how their information will be kept confidential;</li>"
                        "<li>how to reach you, the hotline or a support organisation later.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "Back from a construction site in Russia",
                        "scenario": (
                            "<p>A 34-year-old man returns to Tajikistan with IOM support. A recruitment agency "
                            "sent him to a construction site in Russia. For eight months the employer held his "
                            "passport, paid him nothing and kept the workers in a locked container. He is "
                            "exhausted and worried about his debts at home.</p>"
                            "<p>He is willing to talk to an NGO lawyer but says he is too frightened to make a "
                            "police statement against the agency, whose owner knows his village. A colleague "
                            "suggests telling him that support will start only after he signs a statement.</p>"
                        ),
                        "discussion_points": [
                            "Which provisions of the Anti-Trafficking Law show that the colleague's suggestion is wrong?",
                            "What help can be arranged for him now?",
                            "How could his safety concerns be addressed so that he may be ready to cooperate later?",
                            "Can the agency be investigated without his statement at first?",
                        ],
                        "takeaway": (
                            "Articles 11, 20 and 29 and the National Referral Mechanism make assistance independent "
                            "of cooperation. Give help first, address his fears, and build the case with other "
                            "evidence as well."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "From what moment does Article 11 of the Anti-Trafficking Law say assistance is provided?",
                        "choices": [
                            {"text": "From the moment of initial identification.", "is_correct": True},
                            {"text": "From the day the victim signs a statement.", "is_correct": False},
                            {"text": "After the trafficker is convicted.", "is_correct": False},
                        ],
                        "explanation": "Article 11 links assistance to initial identification, not to the investigation or trial.",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Article 29 of the Anti-Trafficking Law provides support for up to how long regardless of the victim's willingness to cooperate?",
                        "choices": [
                            {"text": "Two weeks.", "is_correct": False},
                            {"text": "Two months.", "is_correct": True},
                            {"text": "Two years.", "is_correct": False},
                        ],
                        "explanation": (
                            "Article 29 provides up to two months of support irrespective of cooperation, and says "
                            "that legally recognised victims are not to be held in detention."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 4
        # ------------------------------------------------------------------
        {
            "slug": "migrants-and-removal",
            "title": "Migrants, status offences and removal",
            "intro": "Applying non-punishment to migrant workers, foreign nationals and asylum seekers.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Where non-punishment meets migration", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Tajikistan is mainly a country of origin of trafficking victims. Russia, Kazakhstan "
                        "and Türkiye are the main destinations for Tajik workers, and women also go to the Gulf "
                        "states. Remittances from Tajik migrants in Russia are estimated at about 30 per cent of "
                        "the country's GDP, so almost every officer meets migrants and their families.</p>"
                        "<p>Migration status offences are the most common offences that traffickers create. This "
                        "lesson looks at three groups: Tajik nationals coming home, foreign workers in "
                        "Tajikistan, and asylum seekers.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Tajik nationals coming home", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A returning worker may arrive without a passport because an employer kept it, with a "
                        "document arranged by a recruiter, or after deportation from the destination country for "
                        "overstaying. These facts are often signs of exploitation, not of bad character.</p>"
                        "<p>Before any administrative case is opened, ask how the person lost their documents, "
                        "who organised the trip, whether they were paid, and whether they could leave the job. "
                        "Border officers at airports have long played a role here: even in 2007 they helped "
                        "repatriated victims through immigration and customs quickly.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Foreign nationals in Tajikistan", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Foreign migrant workers in Tajikistan, for example in construction, can also be "
                        "trafficked. The UN Special Rapporteur noted reports of forced returns of migrant workers "
                        "in irregular situations, and a lack of information on how risks are assessed before "
                        "deportation. She reminded the State that non-punishment applies to immigration and other "
                        "status-related offences.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 31",
                        "paraphrase": (
                            "<p>Deals with the repatriation of foreign citizens and stateless persons who are "
                            "victims of trafficking. It gives limited rights of residence, including a right to "
                            "stay during criminal proceedings, and lists factors to consider in residence requests. "
                            "It also says that adult foreign or stateless victims whose identity cannot be "
                            "established cannot receive a residence permit and are to be administratively "
                            "deported. The UN Special Rapporteur raised serious concerns that this may conflict with "
                            "their rights to assistance, protection and non-refoulement.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In practice this means: before any foreign national who shows trafficking indicators "
                        "is removed, the trafficking question and the risk on return must be examined. A person "
                        "must never be sent back to a place where they face persecution, torture, or a real risk "
                        "of being trafficked again. If the person's identity is unclear, that is a reason for "
                        "more care, not less.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Asylum seekers", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Afghan refugees and asylum seekers in Tajikistan face a specific risk. An asylum "
                        "application must be lodged within one month of arrival. In July 2021 local authorities "
                        "stopped issuing residence permits to newly arrived Afghans, a document needed to apply, "
                        "and the review of applications was suspended. Registration of asylum seekers resumed "
                        "in March 2022.</p>"
                        "<p>People caught in this gap may be treated as foreigners staying illegally and face "
                        "arrest, fines and deportation. The Special Rapporteur warned that this risks breaching "
                        "both the non-punishment of trafficking victims and the non-penalisation of asylum seekers "
                        "under Article 31 of the Refugee Convention.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Convention relating to the Status of Refugees (1951)",
                        "article": "Article 31",
                        "paraphrase": (
                            "<p>States must not impose penalties for illegal entry or presence on refugees who come "
                            "directly from a territory where their life or freedom was threatened, provided they "
                            "present themselves to the authorities without delay and show good cause for their "
                            "illegal entry or presence.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Red flags in a migration case file",
                        "intro": "If the file shows any of these, screen for trafficking and protection needs before a fine or removal.",
                        "indicators": [
                            "Documents were taken by an employer, recruiter or 'agent'.",
                            "The person worked long hours for little or no pay, or owes a large debt.",
                            "The person lived at the workplace and could not leave freely.",
                            "The person is a woman working alone in a private household.",
                            "The person is a child, or their age is unclear.",
                            "The person says they are afraid to go back to their country.",
                            "The person's identity cannot be established and they have no one to vouch for them.",
                            "The person was brought to the attention of the police by an employer who wants them removed.",
                        ],
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "An Afghan woman in a private household",
                        "scenario": (
                            "<p>During a document check, police find a 26-year-old Afghan woman working in a "
                            "private house in Dushanbe. She arrived in early 2021 with her two children after her "
                            "husband was killed. She missed the one-month deadline to apply for asylum because she "
                            "could not get a residence permit. The householder 'helped' by giving her work and a "
                            "room. She works from dawn until midnight, is paid nothing, and the householder keeps "
                            "her Afghan identity card 'for safety'. She says she cannot go back to Afghanistan.</p>"
                        ),
                        "discussion_points": [
                            "Which trafficking indicators are present?",
                            "Which two protection principles could be breached by fining and deporting her?",
                            "Whom should the officer contact about her asylum situation and about the trafficking indicators?",
                            "What about her children?",
                        ],
                        "takeaway": (
                            "Her irregular stay was caused by a closed asylum system and then used by an exploiter. "
                            "Do not punish or remove her. Refer her for trafficking identification and make sure "
                            "her asylum claim reaches the competent authority, with UNHCR informed."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A foreign worker shows trafficking indicators, but his identity cannot be established. What is the correct approach?",
                        "choices": [
                            {
                                "text": "Deport him immediately, as Article 31 requires for unknown identity.",
                                "is_correct": False,
                            },
                            {
                                "text": "Examine the trafficking indicators and the risks on return before any removal decision.",
                                "is_correct": True,
                            },
                            {"text": "Release him without any referral.", "is_correct": False},
                        ],
                        "explanation": (
                            "The UN Special Rapporteur warned that removing such victims without assessing risks "
                            "threatens their rights to protection and non-refoulement. Unclear identity calls for "
                            "more care, not automatic removal."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------
        # Lesson 5
        # ------------------------------------------------------------------
        {
            "slug": "returnees-from-conflict-zones",
            "title": "Returnees from conflict zones",
            "intro": "Women and children coming back from Syria and Iraq may be victims of trafficking first.",
            "estimated_minutes": 15,
            "body": [
                {"type": "heading", "value": {"text": "The situation", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Many Tajik women and children travelled, or were taken, to conflict zones in Syria "
                        "and Iraq. Some were deceived with promises of a better life. Some were taken by husbands "
                        "or relatives. Children were recruited or used by armed and terrorist groups for forced "
                        "criminality, forced labour or sexual exploitation. Many of them may have been trafficked.</p>"
                        "<p>Tajikistan began repatriating women and children in 2019. In that year, 84 children "
                        "were brought back from Iraq. The process was suspended in 2020 because of the COVID-19 "
                        "pandemic, and the Government committed to resume returns from camps in Syria, in "
                        "particular Al Hol camp, where conditions are inhuman and degrading.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 1",
                        "paraphrase": (
                            "<p>Includes forced participation in armed conflicts, in criminal groups and in "
                            "criminal activity among the purposes of exploitation. A person exploited in this way "
                            "can be a victim of trafficking.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "Children are children first", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A child who was recruited or used by an armed group is first of all a victim. The "
                        "means of trafficking do not need to be shown for a child. The child needs protection, "
                        "recovery and a future, not punishment.</p>"
                        "<p>The UN Special Rapporteur recommended that a <b>best interests determination</b> be "
                        "made for each child returned from a conflict zone, by specialised child protection staff. "
                        "She was concerned that most of the children returned from Iraq remained in institutions, "
                        "with limited family contact. Living with family should be arranged where it is in the "
                        "child's best interests.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
                        "article": "Article 6(3)",
                        "paraphrase": (
                            "<p>States must take all feasible measures so that children recruited or used in "
                            "hostilities are released and receive appropriate help for their physical and "
                            "psychological recovery and their social reintegration.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "Adults: an individual assessment", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Women returning from the camps may have been deceived, forced into marriage, sexually "
                        "exploited or held in domestic servitude. Each case must be assessed individually for "
                        "trafficking indicators.</p>"
                        "<p>Security checks are lawful. But a security check is not a trafficking identification, "
                        "and it must not replace one. The two run side by side. Where a woman was compelled to "
                        "travel, cross borders or perform tasks, the non-punishment principle applies to those "
                        "acts, just as it does in any other case.</p>"
                        "<p>The Special Rapporteur recommended that Tajikistan apply non-punishment without "
                        "discrimination, including for forced criminality and for victims returning from armed "
                        "conflict in Iraq and Syria.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Stigma is a protection risk",
                        "body": (
                            "<p>Returnees are often labelled by neighbours, officials and even relatives. Stigma "
                            "pushes families into isolation and poverty, which raises the risk of re-trafficking. "
                            "Use neutral language, protect confidentiality, and offer a female interviewer to "
                            "women and girls.</p>"
                        ),
                    },
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Trafficking indicators in returnee cases",
                        "intro": "Ask about these calmly and over time. Trust takes longer in these cases.",
                        "indicators": [
                            "She was told she was going somewhere else, or for a different purpose.",
                            "She travelled because a husband, relative or recruiter decided for her.",
                            "Her documents were taken on arrival.",
                            "She was married, or remarried, without her free consent.",
                            "She was made to cook, clean or care for fighters without pay or freedom to leave.",
                            "She suffered sexual violence or was 'given' to other men.",
                            "A child was trained, used as a guard or messenger, or made to fight.",
                            "She could not leave because of threats to her or her children.",
                        ],
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A mother and two children from Al Hol",
                        "scenario": (
                            "<p>A 27-year-old woman returns from Al Hol camp in Syria with two children aged 4 and "
                            "9. She tells officers that she went to Russia for work in 2014, married a man there, "
                            "and was taken by him to Syria 'for a job in a hospital'. On arrival her passport was "
                            "taken. After her husband died, she was passed to another man. The older child was "
                            "made to carry messages for an armed group.</p>"
                        ),
                        "discussion_points": [
                            "Which elements of the trafficking definition appear in her account?",
                            "How should the security process and the trafficking identification run side by side?",
                            "Who should carry out the best interests determination for the children?",
                            "What support would reduce the risk of the family being exploited again at home?",
                        ],
                        "takeaway": (
                            "Her story contains deception, confiscation of documents and sexual exploitation, and "
                            "her older child was used by an armed group. Refer the family for identification and "
                            "assistance, apply non-punishment to acts she was compelled to commit, and ensure "
                            "child protection specialists decide what is best for the children."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "What did the UN Special Rapporteur recommend for children returned from conflict zones?",
                        "choices": [
                            {"text": "Placement in institutions until age 18.", "is_correct": False},
                            {
                                "text": "A best interests determination by specialised child protection staff, and identification and assistance as victims without discrimination.",
                                "is_correct": True,
                            },
                            {
                                "text": "Security screening only, with no child protection involvement.",
                                "is_correct": False,
                            },
                        ],
                        "explanation": (
                            "Her recommendation was a best interests determination by child protection "
                            "specialists and identification and assistance without discrimination. She also "
                            "raised concerns about long stays in institutions."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Does a security check of a returnee replace the trafficking identification?",
                        "choices": [
                            {"text": "Yes, one procedure is enough.", "is_correct": False},
                            {
                                "text": "No. Security checks may happen, but trafficking identification must also be done and non-punishment applied.",
                                "is_correct": True,
                            },
                            {"text": "Only for men.", "is_correct": False},
                        ],
                        "explanation": (
                            "The two processes have different purposes. The State must identify and assist "
                            "trafficking victims among returnees and must not punish compelled acts."
                        ),
                    },
                },
            ],
        },
    ],
}


ASSESSMENT = {
    "title": "Assessment: The non-punishment principle",
    "intro": (
        "Ten questions are drawn at random from this pool. They test how you would apply the "
        "non-punishment principle and related Tajik law in real situations."
    ),
    "questions": [
        {
            "type": "single_choice",
            "question": "What is the core idea of the non-punishment principle?",
            "choices": [
                {"text": "Victims of trafficking are immune from prosecution for any crime.", "is_correct": False},
                {
                    "text": "Victims should not be penalised for unlawful acts they were compelled to commit as a direct consequence of being trafficked.",
                    "is_correct": True,
                },
                {"text": "Victims are not punished only if they testify against the trafficker.", "is_correct": False},
                {"text": "Only children can benefit from the principle.", "is_correct": False},
            ],
            "explanation": (
                "The principle covers offences connected to the trafficking. It is not a blanket immunity, does "
                "not depend on testimony, and applies to adults and children."
            ),
        },
        {
            "type": "multiple_choice",
            "question": "Which of these can count as 'punishment' under the non-punishment principle? (select all that apply)",
            "choices": [
                {"text": "Detention in a temporary holding facility.", "is_correct": True},
                {"text": "An administrative fine for overstaying.", "is_correct": True},
                {"text": "Deportation or an entry ban.", "is_correct": True},
                {"text": "Referral to a shelter with the person's consent.", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": (
                "Punishment includes detention, fines, deportation, entry bans and criminal records. A voluntary "
                "referral to assistance is protection, not punishment."
            ),
        },
        {
            "type": "multiple_choice",
            "question": "Which groups of offences are commonly linked to trafficking? (select all that apply)",
            "choices": [
                {"text": "Immigration and status offences, such as overstaying.", "is_correct": True},
                {"text": "Use of false documents supplied by a recruiter.", "is_correct": True},
                {
                    "text": "Prostitution-related offences under Articles 238 and 239 of the Criminal Code.",
                    "is_correct": True,
                },
                {"text": "Forced criminality, such as drug couriering or theft.", "is_correct": True},
                {
                    "text": "Any offence the person committed before they were recruited, with no link to the trafficking.",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": (
                "The first four are typical offences that traffickers force their victims to commit. An offence "
                "with no link to the trafficking is not covered: the principle is not a general amnesty."
            ),
        },
        {
            "type": "true_false",
            "statement": "If the person agreed to travel for the job, they cannot be a victim of trafficking.",
            "is_true": False,
            "explanation": (
                "Under Article 3 of the Palermo Protocol and Article 20 of the Anti-Trafficking Law, consent is "
                "irrelevant when any of the means, such as deception or abuse of vulnerability, was used."
            ),
        },
        {
            "type": "true_false",
            "statement": "For a child under 18, the means of trafficking (threats, deception and so on) do not need to be proved.",
            "is_true": True,
            "explanation": "For children, the act and the purpose of exploitation are enough under international and Tajik law.",
        },
        {
            "type": "single_choice",
            "question": "Which article of the 2014 Anti-Trafficking Law contains the non-punishment principle, in its parts 4 and 5?",
            "choices": [
                {"text": "Article 1", "is_correct": False},
                {"text": "Article 12", "is_correct": False},
                {"text": "Article 20", "is_correct": True},
                {"text": "Article 31", "is_correct": False},
            ],
            "explanation": (
                "Article 20 covers the irrelevance of consent, victim status independent of cooperation, and, in "
                "parts 4 and 5, the application of the non-punishment principle."
            ),
        },
        {
            "type": "single_choice",
            "question": "Which Criminal Code article makes trafficking in persons a crime in Tajikistan?",
            "choices": [
                {"text": "Article 130.1", "is_correct": True},
                {"text": "Article 238", "is_correct": False},
                {"text": "Article 239", "is_correct": False},
            ],
            "explanation": (
                "Article 130.1 criminalises trafficking. Articles 238 and 239 concern prostitution and brothels, "
                "under which victims have wrongly been prosecuted."
            ),
        },
        {
            "type": "true_false",
            "statement": "The UN Special Rapporteur reported that some victims of trafficking for sexual exploitation were prosecuted under Articles 238 and 239 instead of being identified.",
            "is_true": True,
            "explanation": "She described these reports as a serious concern in her 2022 report on Tajikistan.",
        },
        {
            "type": "single_choice",
            "question": "According to Article 11 of the Anti-Trafficking Law, when does assistance to a victim begin?",
            "choices": [
                {"text": "When the victim signs a statement.", "is_correct": False},
                {"text": "From the moment of initial identification.", "is_correct": True},
                {"text": "When a court recognises the person as the aggrieved party.", "is_correct": False},
            ],
            "explanation": "Assistance starts at initial identification and does not wait for the investigation.",
        },
        {
            "type": "true_false",
            "statement": "A victim who refuses to give a police statement loses the right to the two months of support under Article 29.",
            "is_true": False,
            "explanation": "Article 29 provides support for up to two months irrespective of willingness to cooperate.",
        },
        {
            "type": "single_choice",
            "question": "Which act established Tajikistan's National Referral Mechanism?",
            "choices": [
                {"text": "Governmental Act No. 327 of 2016.", "is_correct": True},
                {"text": "Government resolution No. 325 of 2000.", "is_correct": False},
                {"text": "Law No. 1124 of 2014.", "is_correct": False},
            ],
            "explanation": (
                "The NRM was set up by Governmental Act No. 327 of 2016. Resolution No. 325 of 2000 concerns "
                "where refugees may live; Law No. 1124 of 2014 amended the Law on Refugees."
            ),
        },
        {
            "type": "multiple_choice",
            "question": "What do the OSCE Special Representative's 2013 recommendations on non-punishment advise? (select all that apply)",
            "choices": [
                {
                    "text": "Apply the principle at the earliest possible stage, ideally before a charge.",
                    "is_correct": True,
                },
                {"text": "Cover criminal, administrative and immigration offences.", "is_correct": True},
                {"text": "Make non-punishment depend on the victim testifying.", "is_correct": False},
                {"text": "Give police and prosecutors clear guidance on applying it.", "is_correct": True},
            ],
            "partial_credit": True,
            "explanation": (
                "The OSCE recommends early application, broad coverage of offences, clear guidance, and no "
                "condition of cooperation."
            ),
        },
        {
            "type": "single_choice",
            "question": "What does Article 4.3 of the Anti-Trafficking Law allow, which the UN Special Rapporteur criticised?",
            "choices": [
                {"text": "Prosecuting victims for prostitution.", "is_correct": False},
                {
                    "text": "A differentiated amount of rehabilitation services depending on whether the victim cooperates with law enforcement.",
                    "is_correct": True,
                },
                {"text": "Deporting all foreign victims.", "is_correct": False},
            ],
            "explanation": (
                "Article 4.3 allows extra services to depend on cooperation; in practice victims were required to "
                "cooperate. Basic assistance must never depend on it."
            ),
        },
        {
            "type": "true_false",
            "statement": "A security check of a woman returning from a camp in Syria replaces the need to screen her for trafficking.",
            "is_true": False,
            "explanation": (
                "Security procedures and trafficking identification have different purposes and must run side by "
                "side. Non-punishment applies to acts she was compelled to commit."
            ),
        },
        {
            "type": "single_choice",
            "question": "Under Article 31 of the Anti-Trafficking Law, what happens to adult foreign victims whose identity cannot be established, and why is it a concern?",
            "choices": [
                {"text": "They receive automatic citizenship; this is costly.", "is_correct": False},
                {
                    "text": "They cannot receive a residence permit and are to be deported; this may endanger their protection and non-refoulement rights.",
                    "is_correct": True,
                },
                {
                    "text": "They are placed in the State shelter for five years; this limits their freedom.",
                    "is_correct": False,
                },
            ],
            "explanation": (
                "The UN Special Rapporteur raised serious concerns that this rule, without pre-removal risk "
                "assessment, threatens assistance, protection and non-refoulement."
            ),
        },
        {
            "type": "multiple_choice",
            "question": "An officer finds signs that an offence was committed under a trafficker's control. Which steps are correct? (select all that apply)",
            "choices": [
                {
                    "text": "Write down the indicators and the link between the control and the offence.",
                    "is_correct": True,
                },
                {
                    "text": "Inform the supervisor and the prosecutor and pause the offence procedure.",
                    "is_correct": True,
                },
                {
                    "text": "Make a preliminary identification and refer through the National Referral Mechanism.",
                    "is_correct": True,
                },
                {"text": "Fine the person first and refer later to be safe.", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": (
                "Early action prevents harm. Record, inform, refer and investigate the exploiters; punishing first "
                "defeats the principle."
            ),
        },
        {
            "type": "true_false",
            "statement": "Article 29 of the Anti-Trafficking Law says that legally recognised victims are not to be held in a detention facility or similar place.",
            "is_true": True,
            "explanation": "This is part of Article 29, together with up to two months of support regardless of cooperation.",
        },
        {
            "type": "scenario",
            "case": (
                "<p>A woman of 23 returns to Dushanbe airport on an emergency travel document from the United "
                "Arab Emirates. She had been recruited in her village for a job as a hotel cleaner. On arrival "
                "her passport was taken, she was told she owed 3,000 dollars for the trip, and she was forced "
                "into prostitution in a flat. After a police raid there she was deported. At the airport, an "
                "officer notices she has no passport and that her file mentions 'prostitution'. She is "
                "frightened and says her family must not know. She does not want to make a statement against "
                "the recruiter, who lives near her parents.</p>"
            ),
            "questions": [
                {
                    "type": "single_choice",
                    "question": "What is the right first response at the airport?",
                    "choices": [
                        {"text": "Open an administrative case for the lost passport.", "is_correct": False},
                        {
                            "text": "Treat her as a possible victim, ensure privacy and safety, and refer her for identification and assistance.",
                            "is_correct": True,
                        },
                        {"text": "Call her family to collect her.", "is_correct": False},
                    ],
                    "explanation": (
                        "Deception, debt bondage, a confiscated passport and forced prostitution are clear "
                        "indicators. Contacting the family against her wishes breaches confidentiality and could "
                        "endanger her."
                    ),
                },
                {
                    "type": "true_false",
                    "statement": "Because she refuses to give a statement, she is not entitled to assistance.",
                    "is_true": False,
                    "explanation": (
                        "Assistance starts at initial identification (Article 11) and does not depend on "
                        "cooperation (Articles 20 and 29, National Referral Mechanism)."
                    ),
                },
                {
                    "type": "multiple_choice",
                    "question": "Which facts are indicators of trafficking in her case? (select all that apply)",
                    "choices": [
                        {
                            "text": "She was recruited for a different job than the one she was made to do.",
                            "is_correct": True,
                        },
                        {"text": "Her passport was taken on arrival.", "is_correct": True},
                        {"text": "She was told she owed a large debt for the trip.", "is_correct": True},
                        {"text": "She travelled by plane.", "is_correct": False},
                    ],
                    "partial_credit": True,
                    "explanation": "Deception, document confiscation and debt bondage are classic means of control. Air travel is not an indicator.",
                },
            ],
        },
        {
            "type": "scenario",
            "case": (
                "<p>Drug control officers in Khatlon region stop a 15-year-old boy carrying small packages of "
                "heroin. He lives with his grandmother while his parents work in Russia. He says an older man "
                "gives him food and a little money, and has told him that if he stops, the man will tell the "
                "police he is a drug dealer and his grandmother will lose her house. The boy has already made "
                "many deliveries. A colleague says that since the boy was paid, this is simply drug dealing and "
                "he should be charged.</p>"
            ),
            "questions": [
                {
                    "type": "single_choice",
                    "question": "How should the boy be treated?",
                    "choices": [
                        {"text": "As a drug dealer, because he was paid.", "is_correct": False},
                        {
                            "text": "As a possible child victim of trafficking for forced criminality, referred for identification and child protection.",
                            "is_correct": True,
                        },
                        {"text": "Released with a warning and no further action.", "is_correct": False},
                    ],
                    "explanation": (
                        "He is a child recruited and used for criminal activity, which Article 1 of the "
                        "Anti-Trafficking Law treats as exploitation. Small payments do not change that, and for "
                        "children the means need not be proved."
                    ),
                },
                {
                    "type": "true_false",
                    "statement": "The investigation should focus on the older man who recruited and controls the boy.",
                    "is_true": True,
                    "explanation": (
                        "The person who exploits the child is the offender. Article 167 of the Criminal Code "
                        "addresses trafficking of minors."
                    ),
                },
            ],
        },
    ],
}
