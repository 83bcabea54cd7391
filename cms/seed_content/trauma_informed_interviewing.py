"""Seed course: Trauma-informed, victim-centred interviewing. Written for Frontline from the public reports in shared/seeds."""

COURSE = {
    "slug": "trauma-informed-interviewing",
    "title": "Trauma-informed, victim-centred interviewing",
    "summary": (
        "Learn how trauma affects memory and behaviour, and how to speak with possible victims of "
        "trafficking safely, with their consent and without causing new harm."
    ),
    "learning_outcomes": [
        "By the end you can explain how trauma affects memory and behaviour, and why gaps and changes in an account do not by themselves mean the person is lying.",
        "By the end you can prepare a safe first contact and obtain informed consent, making clear that help does not depend on giving a statement.",
        "By the end you can work well with an interpreter and offer every person the choice of an interviewer and interpreter of the same gender.",
        "By the end you can adapt an interview for a child or a person with a disability.",
        "By the end you can ask open, non-blaming questions and recognise the stereotypes that lead officers to disbelieve victims.",
    ],
    "estimated_minutes": 100,
    "validity_months": 24,
    "required_for": [
        "police",
        "mia-ctip",
        "border-troops",
        "consular",
        "migration",
        "prosecutor",
    ],
    "lessons": [
        # ------------------------------------------------------------------ lesson 1
        {
            "slug": "trauma-and-memory",
            "title": "How trauma affects memory, behaviour and credibility",
            "intro": "Why a truthful victim may tell a confused, changing or emotionless story.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Why this matters", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>When the UN Special Rapporteur on trafficking visited Tajikistan in December 2021, she "
                        "found that police often doubt victims who report trafficking, and that little attention is "
                        "paid to the effects of trauma during identification. She recommended that identification "
                        "be trauma-informed, victim-centred and based on human rights, and that investigations take "
                        "account of the trauma victims have lived through and the risk of traumatising them "
                        "again.</p>"
                        "<p>This course gives you the practical skills to do that. A good interview helps the victim "
                        "recover. It also produces better evidence, because a person who feels safe remembers more "
                        "and trusts you enough to tell it.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "What trauma is", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Trafficking usually means months of fear, violence, humiliation and loss of control. "
                        "In danger, the body switches to survival: it may fight, run, freeze or simply obey. These "
                        "reactions are automatic. They are not choices.</p>"
                        "<p>After the danger, many survivors still suffer. They may sleep badly, have nightmares, "
                        "feel anxious or numb, have headaches, or find it hard to concentrate. Some feel deep shame "
                        "or guilt, even though the fault lies with the trafficker.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Trauma and memory", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Under extreme stress, the brain records the central details it needs to survive: a "
                        "face, a voice, a smell, a pain. It often fails to record the order of events, dates, times "
                        "and background details. The result is a memory in pieces.</p>"
                        "<ul>"
                        "<li>A victim may be unable to say in which month something happened, but clearly remember "
                        "the sound of a lock.</li>"
                        "<li>When abuse is repeated, separate events merge into one. 'Every day was the same' is a "
                        "common answer.</li>"
                        "<li>New details often appear later, when the person feels safer. This is normal, not a sign "
                        "of invention.</li>"
                        "<li>Some victims speak about terrible events with no emotion at all. This numbness, or "
                        "dissociation, protects them from the pain.</li>"
                        "</ul>"
                        "<p>The opposite is also true: a perfect, smooth story with exact dates may have been "
                        "rehearsed, sometimes on the orders of the trafficker.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Trauma reactions you may see in an interview",
                        "intro": "These are common in truthful victims. Do not treat them as signs of lying.",
                        "indicators": [
                            "Gaps in the account, or confusion about dates, times and the order of events.",
                            "Details that change or are added in later meetings.",
                            "Flat voice, no tears, or smiling while describing violence.",
                            "Sudden anger, irritation or refusal to continue.",
                            "Difficulty concentrating, looking away, or seeming absent.",
                            "Strong fear of uniforms, closed doors or raised voices.",
                            "Exhaustion, headaches or other physical complaints.",
                            "Protecting or excusing the person who exploited them.",
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Why victims hold back or say things that are not true", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A first account may be incomplete or partly false for understandable reasons:</p>"
                        "<ul>"
                        "<li><b>Fear of reprisals.</b> Traffickers threaten families at home. The Special "
                        "Rapporteur also heard of threats against NGOs that help victims.</li>"
                        "<li><b>Shame and stigma.</b> Women exploited for sex face strong stigma in their families "
                        "and communities. Men may feel they failed as breadwinners.</li>"
                        "<li><b>Fear of punishment.</b> Many fear deportation, or prosecution for irregular stay, "
                        "false documents or prostitution.</li>"
                        "<li><b>Distrust of police.</b> Sex workers and lesbian, gay, bisexual and trans persons "
                        "reported harassment by police officers.</li>"
                        "<li><b>Attachment.</b> The trafficker may be a boyfriend, husband, relative or neighbour "
                        "from the same village.</li>"
                        "<li><b>Instructions.</b> Traffickers often tell victims exactly what to say to "
                        "officials.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "info",
                        "title": "Credibility is not the same as consistency",
                        "body": (
                            "<p>Judge credibility on the whole picture: the trafficking indicators, the documents, "
                            "what witnesses and other victims say, phone records, money transfers. Do not reject a "
                            "person because the account changed or because the disclosure came late. Record "
                            "changes neutrally and ask about them gently.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "The story that changed",
                        "scenario": (
                            "<p>A 23-year-old woman returns from the United Arab Emirates with IOM support. In her "
                            "first conversation with police she says she worked in a hotel and had 'some problems' "
                            "with pay. The officer writes 'no indicators'. Two weeks later, after staying in an NGO "
                            "shelter, she tells a social worker that she was kept in an apartment and forced to "
                            "receive men. She cannot say how many weeks this lasted. She remembers the colour of the "
                            "door and the name of the woman who collected the money.</p>"
                        ),
                        "discussion_points": [
                            "Why might she have said nothing about sexual exploitation at first?",
                            "Does the change in her account make her less credible? Why or why not?",
                            "Which of her memories are typical of traumatic memory?",
                            "How could the first conversation have been organised better?",
                        ],
                        "takeaway": (
                            "Late and partial disclosure is normal. A safe setting, time and trust are what make "
                            "the full account possible."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A possible victim gives different dates for the same event in two interviews. What is the best way to understand this?",
                        "choices": [
                            {"text": "The person is lying and the case should be closed.", "is_correct": False},
                            {
                                "text": "Trauma often disturbs memory of dates and sequence; note the difference and look at the whole picture.",
                                "is_correct": True,
                            },
                            {"text": "The interpreter must have made a mistake.", "is_correct": False},
                        ],
                        "explanation": (
                            "Traumatic memories are often fragmented, especially for time and order. Credibility "
                            "should be judged on all the evidence, not on consistency of dates alone."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A man describes being beaten on a building site in a calm, flat voice and even smiles. What does this tell you?",
                        "choices": [
                            {"text": "He is not really upset, so it did not happen.", "is_correct": False},
                            {
                                "text": "Emotional numbness is a common trauma reaction; it says nothing about whether he is telling the truth.",
                                "is_correct": True,
                            },
                            {"text": "He is trying to make fun of the officer.", "is_correct": False},
                        ],
                        "explanation": (
                            "Numbness and dissociation protect people from overwhelming feelings. The way a person "
                            "shows emotion is not a test of truth."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 2
        {
            "slug": "safety-and-consent",
            "title": "Safety, consent and the first contact",
            "intro": "How to make a first contact safe, explain the person's rights and obtain real consent.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "What 'victim-centred' means", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A victim-centred approach puts the person's rights, safety and needs before the needs "
                        "of the investigation. In practice it rests on a few principles:</p>"
                        "<ul>"
                        "<li><b>Do no harm.</b> If a question or an action could put the person at risk, do not do "
                        "it.</li>"
                        "<li><b>Safety first.</b> Physical safety, medical care and rest come before "
                        "questions.</li>"
                        "<li><b>Informed consent.</b> The person decides, after understanding the choices.</li>"
                        "<li><b>Confidentiality.</b> Information is shared only with those who need it.</li>"
                        "<li><b>Non-discrimination.</b> Every victim gets the same respect, whatever their sex, "
                        "work, nationality, sexual orientation or disability.</li>"
                        "</ul>"
                        "<p>Separate two things. A <b>first contact</b> (screening) only needs enough information "
                        "to see the indicators, protect the person and refer them. A full <b>evidential "
                        "interview</b> comes later, when the person is rested, supported and, ideally, has a "
                        "lawyer.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Safety checklist before you start",
                        "intro": "Tick every point before you ask about what happened.",
                        "indicators": [
                            "The person is separated from any employer, recruiter, 'husband' or companion who may be involved.",
                            "You are in a private room where others cannot see or hear, and the person is not in a cell or handcuffed.",
                            "Urgent medical needs have been dealt with, and the person has had water, food and access to a toilet.",
                            "You have asked whether the person or their family is in immediate danger.",
                            "A suitable interpreter is present if needed (see lesson 3).",
                            "The person has been asked whether they prefer a woman or a man as interviewer.",
                            "Your phone is silent and you have time; you will not rush.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Informed consent", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Before asking about the exploitation, explain in simple words, in a language the person "
                        "understands:</p>"
                        "<ol>"
                        "<li>who you are and which agency you work for;</li>"
                        "<li>why you want to talk, and what will happen with the information;</li>"
                        "<li>who else may see the information;</li>"
                        "<li>that they may refuse to answer, ask for a break or stop at any time;</li>"
                        "<li>that help does not depend on giving a statement;</li>"
                        "<li>what help is available (shelter, medical, psychological and legal help) and that they "
                        "can choose to accept it or not.</li>"
                        "</ol>"
                        "<p>Then check understanding: ask the person to tell you in their own words what will "
                        "happen. Consent can be withdrawn at any time. Under the National Referral Mechanism "
                        "(Governmental Act No. 327 of 2016), assistance is given with the victim's consent, after an "
                        "assessment of their individual needs and without discrimination.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 20",
                        "paraphrase": (
                            "<p>Victim status does not depend on cooperating with law enforcement or on being the "
                            "aggrieved party in a criminal case. If any of the means of trafficking was used, the "
                            "person's agreement to the exploitation has no legal weight. Parts 4 and 5 provide for the non-punishment "
                            "principle.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Articles 11 and 29",
                        "paraphrase": (
                            "<p>Article 11: assistance begins from the moment of initial identification. Article 29: "
                            "support is provided for up to two months whether or not the victim cooperates with law "
                            "enforcement, and legally recognised victims are not held in detention or similar "
                            "facilities.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Never trade help for a statement",
                        "body": (
                            "<p>The Special Rapporteur reported that in practice victims were often required to "
                            "cooperate with the police to receive help, including free legal aid. Do not say or "
                            "suggest 'help me and I will help you'. A person who is pressured gives weaker evidence "
                            "and may disappear. A person who is helped first often chooses to cooperate later.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Risk of reprisals", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Traffickers often know where the victim's family lives. Ask directly whether anyone has "
                        "been threatened and whether family members need protection. Never reveal where the victim "
                        "is staying. Never bring the victim face to face with a suspect, or interview them where "
                        "a suspect can see them. The Special Rapporteur called for stronger victim and witness "
                        "protection in Tajikistan; your care in the first hours is part of that protection.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "When the person is in custody", "level": "h3"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>You may meet a possible victim who has been arrested for irregular stay, false "
                        "documents, prostitution or drug carrying. Explain that the law provides for "
                        "non-punishment of victims for offences linked to their trafficking (article 20, parts 4 and "
                        "5). Raise the possibility with your supervisor and the prosecutor as early as possible, as "
                        "OSCE guidance recommends. For a foreign national who may be a refugee, article 31 of the "
                        "Refugee Convention protects against penalties for irregular entry.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "hotline",
                        "title": "Getting specialist help",
                        "body": (
                            "<p>For advice and referral, contact the hotline of the Centre on Trafficking in Persons "
                            "of the Ministry of Internal Affairs (advertised on radio, television and the Centre's "
                            "website) or IOM Tajikistan's free hotline for victims. Keep the current numbers saved "
                            "and give them to the person discreetly.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A visit to a deportation centre",
                        "scenario": (
                            "<p>A Tajik consular officer in Russia visits a centre where migrants wait for "
                            "deportation. A 30-year-old woman from Tajikistan is held there for irregular stay. She "
                            "whispers that the owner of the café where she worked kept her passport, never paid her "
                            "and 'sent her to guests' at night. A guard stands by the door during the meeting. She "
                            "asks the officer not to tell her husband's family anything.</p>"
                        ),
                        "discussion_points": [
                            "How can the officer create enough privacy to speak safely?",
                            "What should the officer explain about consent and confidentiality, including her wish about the family?",
                            "What can the officer promise, and what must the officer not promise?",
                            "Which next steps link her to assistance and safe return under the NRM?",
                        ],
                        "takeaway": (
                            "Privacy, honest explanations and respect for the person's choices make a safe first "
                            "contact, even in a place of detention."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "What must you explain before asking a possible victim about the exploitation?",
                        "choices": [
                            {"text": "Only your name.", "is_correct": False},
                            {
                                "text": "Who you are, why you are asking, what happens to the information, that they may stop at any time, and that help does not depend on a statement.",
                                "is_correct": True,
                            },
                            {"text": "That they will be deported unless they cooperate.", "is_correct": False},
                        ],
                        "explanation": (
                            "Informed consent needs a clear explanation of your role, the purpose, the use of the "
                            "information, the right to stop, and the fact that help is not conditional."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "The employer of a domestic worker offers to stay in the room and translate for her. What do you do?",
                        "choices": [
                            {"text": "Accept, because it saves time.", "is_correct": False},
                            {
                                "text": "Politely refuse, separate the worker from the employer and find an independent interpreter.",
                                "is_correct": True,
                            },
                            {"text": "Accept, but ask the employer to speak quietly.", "is_correct": False},
                        ],
                        "explanation": (
                            "A possible exploiter must never be present or act as interpreter. The person cannot "
                            "speak freely, and their safety may be at risk."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 3
        {
            "slug": "interpreters-and-gender",
            "title": "Language, interpreters and gender",
            "intro": "Speaking in the person's language, working with interpreters, and the right to a same-gender interviewer.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Speak the person's language", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>More and more Tajik migrants come from households that do not speak Russian. Afghan "
                        "asylum seekers may speak Dari or Pashto. Others speak Uzbek or one of the Pamiri "
                        "languages. A deaf person needs a sign language interpreter. A person who only half "
                        "understands you cannot give real consent or a reliable account.</p>"
                        "<p>The Special Rapporteur asked that information for people arriving at the border be "
                        "available in a language they understand. The same applies to every interview.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Choosing and briefing an interpreter",
                        "intro": "Check each point before the interview begins.",
                        "indicators": [
                            "The interpreter is not the employer, recruiter, companion, a relative or another member of the same group.",
                            "A child is never used to interpret for a parent or another adult.",
                            "The interpreter speaks the same language and dialect as the person; check this with a few simple questions first.",
                            "The interpreter has no link to the suspects and, where possible, does not come from the person's village or community.",
                            "The person has been asked whether they prefer a woman or a man as interpreter.",
                            "The interpreter has agreed to keep everything confidential.",
                            "The interpreter will translate everything in the first person, without summarising, adding or giving advice.",
                            "The interpreter knows the content may be distressing and can ask for a break.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>During the interview, look at and speak to the person, not the interpreter. Use short "
                        "sentences and pause often. Avoid legal words such as 'exploitation' or 'aggrieved party'; "
                        "describe what you mean in plain words. From time to time, ask the person to repeat in their "
                        "own words what they have understood. If the person and the interpreter start a long "
                        "conversation, ask for everything to be translated.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "The right to a same-gender interviewer", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Many victims, especially women who suffered sexual violence, cannot speak about it to a "
                        "man. The Special Rapporteur noted how few women work in law enforcement in Tajikistan. She "
                        "recommended that women police officers be trained and available to interview victims.</p>"
                        "<ul>"
                        "<li>Ask every person, women and men, whether they prefer a woman or a man as interviewer "
                        "and as interpreter.</li>"
                        "<li>For victims of sexual exploitation or sexual violence, offer an interviewer of the same "
                        "gender as the normal practice.</li>"
                        "<li>Respect the preference even if it means a delay. Until the right interviewer is "
                        "available, limit the contact to safety, basic needs and referral.</li>"
                        "<li>Remember that men can be sexually abused too. Offer them the same choice.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Offer, do not assume",
                        "body": (
                            "<p>Do not guess what someone wants from their appearance. Ask simply: 'Would you "
                            "prefer to speak with a woman or a man?' For lesbian, gay, bisexual and trans persons, "
                            "respect the answer they give, and never disclose their sexual orientation or gender "
                            "identity to anyone who does not need to know. Discrimination against them is "
                            "widespread and limits their access to help.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Gender stereotypes in interviews", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Special Rapporteur described harmful gender stereotypes and the stigma faced by "
                        "women trafficked for sexual exploitation. These attitudes stop victims being identified and "
                        "allow trafficking to continue. Watch for them in yourself and in colleagues:</p>"
                        "<ul>"
                        "<li>the idea that a 'good' woman would not have been trafficked;</li>"
                        "<li>treating abuse of a bride or a domestic worker as a 'family matter';</li>"
                        "<li>comments about the victim's clothes, morals or family honour;</li>"
                        "<li>the belief that a man cannot be forced or cannot be a victim of sexual abuse.</li>"
                        "</ul>"
                        "<p>Your job is to record facts, not to judge the person's morals.</p>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "The only interpreter at the border post",
                        "scenario": (
                            "<p>At a border post on the Afghan border, a group of Afghans asks for protection. "
                            "Among them is a young woman who speaks only Dari. She seems very frightened and keeps "
                            "looking at a man in the group. That man speaks Tajik well and offers to interpret for "
                            "her. All officers on duty are men.</p>"
                        ),
                        "discussion_points": [
                            "Why is it unsafe to use the man from the group as interpreter?",
                            "What can the officers do to find a suitable interpreter, perhaps by phone?",
                            "How should the woman's preference for a female interviewer be respected when no woman officer is present?",
                            "What must the officers do, whatever the language difficulties, to avoid sending her back before her protection needs are assessed?",
                        ],
                        "takeaway": (
                            "Never use a possible exploiter or group member as interpreter. Limit the first contact "
                            "to safety and referral until the right interpreter and interviewer are available, and "
                            "respect non-refoulement."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Who is the best choice as interpreter for a possible trafficking victim?",
                        "choices": [
                            {"text": "The person's 12-year-old son, who speaks Russian well.", "is_correct": False},
                            {
                                "text": "A professional interpreter with no link to the suspects, briefed on confidentiality.",
                                "is_correct": True,
                            },
                            {"text": "A man from the same group of travellers.", "is_correct": False},
                        ],
                        "explanation": (
                            "An independent, briefed interpreter protects both the person and the quality of the "
                            "account. Children and group members must not interpret."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A woman who was sexually exploited says she cannot talk to a man. Only male officers are on duty. What is the right response?",
                        "choices": [
                            {"text": "Tell her she must speak to whoever is available.", "is_correct": False},
                            {
                                "text": "Arrange a trained female officer; meanwhile deal only with her safety, basic needs and referral.",
                                "is_correct": True,
                            },
                            {"text": "Close the case because she will not cooperate.", "is_correct": False},
                        ],
                        "explanation": (
                            "Her preference should be respected. The Special Rapporteur recommended that trained "
                            "women officers be available to interview victims."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 4
        {
            "slug": "children-and-disabilities",
            "title": "Interviewing children and persons with disabilities",
            "intro": "Adapting your approach so that children and persons with disabilities can be heard and protected.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Children: best interests first", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Every person under 18 is a child. Trafficking of minors is a crime under article 167 "
                        "of the Criminal Code, and Part 5 of the Anti-Trafficking Law describes what the State must do "
                        "to identify, assist and protect child victims. Tajikistan is a party to the Convention on the "
                        "Rights of the Child: in every decision, the child's best interests come first. If you are "
                        "not sure of a person's age, treat the person as a child until the age is established.</p>"
                        "<p>Tajikistan has developed child-friendly justice measures, in line with the Committee on "
                        "the Rights of the Child's general comment No. 24 (2019), including training for judges and "
                        "prosecutors. The Special Rapporteur stressed that child victims must be heard in all "
                        "proceedings, receive information they can understand and be supported by trained staff, "
                        "in every region of the country.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Before and during an interview with a child",
                        "intro": "Use this checklist every time you speak with a child who may be a victim.",
                        "indicators": [
                            "Child protection services (the guardianship authority) have been informed.",
                            "A parent is present only if not suspected of involvement and if the child wants it; otherwise a guardian or representative supports the child.",
                            "The adult who brought or 'looks after' the child is not present.",
                            "The interviewer is specially trained, and the room is quiet and friendly, not a cell or an office full of people.",
                            "The child has eaten, rested and received any medical care needed.",
                            "Sessions are short, with breaks whenever the child needs them.",
                            "Agencies have agreed to interview the child once, and to record it if the law allows, so the child does not repeat the story again and again.",
                            "You have explained, in words suited to the child's age, who you are and what will happen next.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Tell the child that 'I don't know' and 'I don't understand' are good answers. Use open "
                        "invitations such as 'Tell me about the place where you lived.' Children easily agree with "
                        "an adult, so avoid questions that suggest the answer. Young children may not know dates, "
                        "but they remember events: school holidays, Navruz, Ramadan, the cotton harvest, the first "
                        "snow. Use these to place events in time.</p>"
                        "<p>Many children are loyal to parents who sent them away, or fear getting them into trouble. "
                        "Do not criticise the family. Never promise things you cannot control, such as 'you will go "
                        "home tomorrow'.</p>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "A boy returned from a camp",
                        "scenario": (
                            "<p>A 15-year-old boy is repatriated with his mother from a camp in Syria. He was taken "
                            "there as a child. He says that armed men made him carry supplies and guard a building. "
                            "Security officers want to question him at once about what he did. He is thin, hardly "
                            "speaks and flinches at loud noises. Tajikistan has already brought 84 children back "
                            "from Iraq, most of whom live in State institutions.</p>"
                        ),
                        "discussion_points": [
                            "Why should the boy be treated as a possible victim of trafficking, and for which forms of exploitation?",
                            "Who must be present, and who should lead any interview?",
                            "How does the non-punishment principle apply to acts he was forced to commit?",
                            "Why does the Special Rapporteur call for a best interests determination by child protection specialists, and for family-based solutions where these are in his best interests?",
                        ],
                        "takeaway": (
                            "Children returned from conflict zones are first of all children who may be victims. "
                            "Child protection specialists, a best interests determination and non-punishment come "
                            "before any questioning about security matters."
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Persons with disabilities", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Persons with disabilities, especially children, are at particular risk of being "
                        "trafficked for begging, forced labour or sexual exploitation. Risk is high in institutions "
                        "with little outside monitoring. The Special Rapporteur found little information on how "
                        "identification takes account of their needs, and reported problems in court because "
                        "proper adjustments were not made. Tajikistan has adopted a road map towards ratifying the "
                        "Convention on the Rights of Persons with Disabilities, and she recommended reasonable "
                        "accommodation in all legal proceedings.</p>"
                        "<p>Start by asking the person what they need. Speak to the person directly, never only to "
                        "a companion. Do not assume a person cannot understand or decide.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Adjustments to offer",
                        "intro": "Reasonable accommodations that make an interview fair and accessible.",
                        "indicators": [
                            "A qualified sign language interpreter for a deaf person, not a relative.",
                            "Short sentences, simple words and pictures or easy-read material for a person with an intellectual disability.",
                            "Extra time, more breaks and shorter sessions.",
                            "A room the person can reach and use, for example on the ground floor for a wheelchair user.",
                            "A support person chosen by the person, who is not a suspect and not staff of an institution under suspicion.",
                            "Written information read aloud, or provided in large print.",
                            "A record in the file of every adjustment made, so that courts can see the account was given fairly.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "info",
                        "title": "Check understanding, not just agreement",
                        "body": (
                            "<p>Some people say 'yes' to please an official. Instead of asking 'Do you "
                            "understand?', ask the person to explain in their own words what will happen next.</p>"
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A young person without documents says she is 19 but looks much younger. How do you proceed?",
                        "choices": [
                            {"text": "Accept 19 and treat her as an adult.", "is_correct": False},
                            {
                                "text": "Treat her as a child until her age is established, and involve child protection.",
                                "is_correct": True,
                            },
                            {"text": "Wait until she can prove her age before offering any help.", "is_correct": False},
                        ],
                        "explanation": (
                            "When age is uncertain, the person should be treated as a child so that child "
                            "protections apply. Traffickers often tell children to claim they are adults."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A man with an intellectual disability was made to beg. The director of the institution where he lives offers to support him in the interview. The institution is under suspicion. What do you do?",
                        "choices": [
                            {"text": "Accept the director, who knows him best.", "is_correct": False},
                            {
                                "text": "Ask the man who he would like as support, and choose a person with no link to the institution or suspects.",
                                "is_correct": True,
                            },
                            {"text": "Interview him without any support or adjustments.", "is_correct": False},
                        ],
                        "explanation": (
                            "Support must come from someone the person trusts and who is independent of the "
                            "suspected exploitation."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 5
        {
            "slug": "avoiding-retraumatisation",
            "title": "Asking questions without causing harm",
            "intro": "Structuring the interview, choosing your words and recognising stereotypes that lead to disbelief.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "What re-traumatisation is", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Re-traumatisation happens when the response of officials makes the person relive the "
                        "control, humiliation or disbelief of the trafficking. Common causes are: being questioned "
                        "again and again by different agencies; aggressive or blaming questions; being confronted "
                        "with the trafficker; medical examinations without consent; and personal details becoming "
                        "known in the community.</p>"
                        "<p>The Special Rapporteur recommended that investigations take account of the risk of "
                        "re-traumatisation. It also damages your case: a person who feels attacked stops "
                        "talking.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "The shape of a good interview", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<ol>"
                        "<li><b>Plan.</b> Read what is already known. Agree with other agencies who will interview, "
                        "so the person tells the story as few times as possible. Arrange the interpreter and the "
                        "gender of the interviewer.</li>"
                        "<li><b>Engage and explain.</b> Introduce yourself, explain the purpose and the person's "
                        "rights, and obtain consent (lesson 2).</li>"
                        "<li><b>Free account.</b> Invite the person to tell what happened in their own way. Do not "
                        "interrupt. Silence is fine.</li>"
                        "<li><b>Questions.</b> Go back over topics with open questions first, then more specific "
                        "ones to clarify.</li>"
                        "<li><b>Closure.</b> Summarise, ask whether anything is wrong or missing, explain what "
                        "happens next, and give contacts. Never end straight after the most painful part.</li>"
                        "<li><b>Evaluate.</b> Note what you learned, what needs checking, and how the person "
                        "is.</li>"
                        "</ol>"
                    ),
                },
                {"type": "heading", "value": {"text": "Choosing your words", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Open questions give the fullest and most reliable answers. Many interviewers remember "
                        "three starters: <i>Tell me</i>, <i>Explain</i>, <i>Describe</i>. Use closed questions "
                        "only to check a specific detail.</p>"
                        "<p>Avoid 'why' questions about the victim's own behaviour. They sound like blame. Avoid "
                        "several questions at once, legal jargon, and more sexual detail than the case needs. Some "
                        "better ways to ask:</p>"
                        "<ul>"
                        "<li>Instead of 'Why didn't you run away?', ask 'What do you think would have happened if "
                        "you had tried to leave?'</li>"
                        "<li>Instead of 'Did he take your passport?', ask 'Where were your documents while you "
                        "worked there?'</li>"
                        "<li>Instead of 'You are lying, earlier you said something else', say 'Help me understand. "
                        "Earlier you mentioned a hotel. Can you tell me more about that?'</li>"
                        "<li>Instead of 'You knew what kind of work it was', ask 'What were you told about the job "
                        "before you left? What happened when you arrived?'</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "If the person becomes very distressed",
                        "body": (
                            "<p>Stop asking questions. Offer water and a break. Remind the person calmly where they "
                            "are, that they are safe now and that they control the pace. Do not push to finish. It "
                            "is better to continue another day than to lose the person's trust.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Stereotypes that lead to disbelief", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Special Rapporteur reported discriminatory attitudes in the police and prosecution, "
                        "especially towards victims of sexual exploitation, and the failure to identify victims "
                        "who are lesbian, gay, bisexual or trans, victims with disabilities and children from "
                        "minority groups such as Roma and Jughi. These common beliefs are wrong:</p>"
                        "<ul>"
                        "<li><b>'A real victim would have escaped.'</b> Debt, threats to the family, lack of "
                        "documents and language, and fear of police keep people in place even behind unlocked "
                        "doors.</li>"
                        "<li><b>'She was paid, so she was not exploited.'</b> Small or occasional payments are a "
                        "common way to control victims.</li>"
                        "<li><b>'Men cannot be trafficked.'</b> Tajik men working in construction and agriculture "
                        "abroad have been trafficked for forced labour, and men can be sexually abused too.</li>"
                        "<li><b>'A person who sold sex cannot be a victim.'</b> Consent is irrelevant when means are "
                        "used, and children cannot consent at all.</li>"
                        "<li><b>'Real victims ask for help.'</b> Most do not see themselves as victims or do not "
                        "trust officials.</li>"
                        "<li><b>'Afghans at the border are only looking for work.'</b> Women and girls returned to "
                        "Afghanistan face risks of forced marriage and sexual exploitation; every claim must be "
                        "assessed.</li>"
                        "</ul>"
                    ),
                },
                {"type": "heading", "value": {"text": "Closing well, and looking after yourself", "level": "h3"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>At the end, thank the person. Explain the next steps and who will contact them. Make "
                        "sure they leave with a safe place to go and the hotline numbers. Write your notes the same "
                        "day, in neutral words, recording the person's own expressions where possible.</p>"
                        "<p>Hearing accounts of cruelty affects officers and interpreters too. Talk to your "
                        "supervisor, share difficult cases within your team, and take the support on offer. A "
                        "rested officer listens better.</p>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "Rewrite the interview",
                        "scenario": (
                            "<p>A woman of 26 returned from Russia, where a 'boyfriend' sold her to a man who forced "
                            "her to receive clients. She agreed to speak to the police. Part of the record reads: "
                            "Officer: 'Why did you go with him? Did your parents know? Didn't you understand what he "
                            "wanted?' She answered: 'I don't know.' Officer: 'Why didn't you go to the Russian police "
                            "if it was so bad?' She started crying and asked to leave. Later that day a prosecutor "
                            "and then an officer from another department asked her the same questions again.</p>"
                        ),
                        "discussion_points": [
                            "Which questions sound like blame, and how could you rewrite each one as an open, neutral question?",
                            "What stereotypes might lie behind these questions?",
                            "What should the officer have done when she started crying?",
                            "How could the agencies have organised the interviews so that she told her story only once?",
                        ],
                        "takeaway": (
                            "Blaming questions and repeated interviews harm the victim and the case. Open questions, "
                            "a calm pace and coordination between agencies give better results."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Which question is most appropriate for a victim of forced labour?",
                        "choices": [
                            {"text": "'Why didn't you just leave the building site?'", "is_correct": False},
                            {
                                "text": "'What do you think would have happened if you had tried to leave?'",
                                "is_correct": True,
                            },
                            {"text": "'You could have escaped, couldn't you?'", "is_correct": False},
                        ],
                        "explanation": (
                            "The open, neutral question invites the person to describe the control they faced. The "
                            "other two suggest blame or the answer."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "How can agencies best reduce re-traumatisation during an investigation?",
                        "choices": [
                            {
                                "text": "Let each agency question the victim separately to check the story.",
                                "is_correct": False,
                            },
                            {
                                "text": "Plan together so the victim is interviewed as few times as possible, by a trained interviewer, with the account shared confidentially.",
                                "is_correct": True,
                            },
                            {
                                "text": "Bring the victim face to face with the suspect to save time.",
                                "is_correct": False,
                            },
                        ],
                        "explanation": (
                            "Repeated questioning and confrontation with the suspect are major causes of "
                            "re-traumatisation. Coordination protects the person and the quality of the evidence."
                        ),
                    },
                },
            ],
        },
    ],
}


ASSESSMENT = {
    "title": "Assessment: Trauma-informed, victim-centred interviewing",
    "intro": (
        "Ten questions are drawn at random from this pool. They test how trauma affects victims and how to "
        "interview safely, fairly and without causing new harm."
    ),
    "questions": [
        {
            "type": "true_false",
            "statement": "If a possible victim gives different dates for the same event in two interviews, the account should be treated as false.",
            "is_true": False,
            "explanation": "Trauma often disturbs memory of dates and sequence. Changes should be noted and explored gently, and credibility judged on all the evidence.",
        },
        {
            "type": "single_choice",
            "question": "Which of these is a typical effect of trauma on memory?",
            "choices": [
                {
                    "text": "Central details are remembered, but dates and the order of events are confused",
                    "is_correct": True,
                },
                {"text": "Every detail is remembered perfectly and in order", "is_correct": False},
                {"text": "The person forgets everything as soon as the danger ends", "is_correct": False},
            ],
            "explanation": "Under extreme stress the brain records survival details (a face, a sound, a pain) but often not time and sequence.",
        },
        {
            "type": "multiple_choice",
            "question": "Why might a victim hide or change parts of their story at first? (select all that apply)",
            "choices": [
                {"text": "Fear of reprisals against their family", "is_correct": True},
                {"text": "Shame and stigma, especially after sexual exploitation", "is_correct": True},
                {"text": "Fear of deportation or prosecution", "is_correct": True},
                {
                    "text": "Because victims never have anything to fear once they reach a police station",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": "Threats, stigma, fear of punishment, distrust of police and instructions from traffickers all explain late or partial disclosure.",
        },
        {
            "type": "true_false",
            "statement": "Under article 20 of the Anti-Trafficking Law, victim status does not depend on cooperation with law enforcement.",
            "is_true": True,
            "explanation": "Article 20 states that victim status does not depend on cooperating with law enforcement or on being the aggrieved party in a criminal case.",
        },
        {
            "type": "single_choice",
            "question": "What is the purpose of a first contact (screening) with a possible victim?",
            "choices": [
                {"text": "To obtain a full, detailed statement for court as quickly as possible", "is_correct": False},
                {"text": "To see the indicators, protect the person and refer them for help", "is_correct": True},
                {"text": "To decide whether the person is guilty of irregular stay", "is_correct": False},
            ],
            "explanation": "The first contact focuses on safety and referral. A full evidential interview comes later, when the person is rested and supported.",
        },
        {
            "type": "true_false",
            "statement": "If no one else is available, the employer of a possible victim may act as interpreter.",
            "is_true": False,
            "explanation": "A possible exploiter must never be present or interpret. Find an independent interpreter, by phone if necessary, and limit the contact to safety meanwhile.",
        },
        {
            "type": "multiple_choice",
            "question": "Which are good practices when working with an interpreter? (select all that apply)",
            "choices": [
                {"text": "Use an interpreter with no link to the suspects or the person's group", "is_correct": True},
                {
                    "text": "Brief the interpreter on confidentiality and on translating everything in the first person",
                    "is_correct": True,
                },
                {"text": "Look at and speak to the person, not the interpreter", "is_correct": True},
                {"text": "Let the interpreter summarise and advise the person what to say", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": "An independent, briefed interpreter who translates everything faithfully protects the person and the quality of the account.",
        },
        {
            "type": "single_choice",
            "question": "A woman who was trafficked for sexual exploitation asks to speak with a woman. What did the Special Rapporteur recommend that makes this possible?",
            "choices": [
                {
                    "text": "That women police officers be trained and available to interview victims",
                    "is_correct": True,
                },
                {"text": "That victims be interviewed only by prosecutors", "is_correct": False},
                {"text": "That interviews take place only in court", "is_correct": False},
            ],
            "explanation": "The Special Rapporteur recommended that trained women police officers be available to conduct interviews with victims.",
        },
        {
            "type": "true_false",
            "statement": "Men who have suffered sexual abuse should also be asked whether they prefer a woman or a man as interviewer.",
            "is_true": True,
            "explanation": "Every person, woman or man, should be offered the choice. Do not assume what someone prefers.",
        },
        {
            "type": "single_choice",
            "question": "A person without documents says she is an adult, but she may be under 18. What should you do?",
            "choices": [
                {"text": "Treat her as an adult because she said so", "is_correct": False},
                {
                    "text": "Treat her as a child until her age is established, and involve child protection services",
                    "is_correct": True,
                },
                {"text": "Refuse all help until she proves her age", "is_correct": False},
            ],
            "explanation": "When age is uncertain, child protections apply until the age is established. Traffickers often tell children to say they are adults.",
        },
        {
            "type": "multiple_choice",
            "question": "Which are good practices when interviewing a child who may be a victim? (select all that apply)",
            "choices": [
                {
                    "text": "Inform child protection services and make sure a guardian or trusted representative supports the child",
                    "is_correct": True,
                },
                {"text": "Keep sessions short, with breaks when the child needs them", "is_correct": True},
                {"text": "Agree between agencies to interview the child as few times as possible", "is_correct": True},
                {
                    "text": "Ask the adult who brought the child to stay in the room to reassure them",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": "The adult who brought the child may be involved in the trafficking. Child protection, short sessions and a single interview protect the child.",
        },
        {
            "type": "single_choice",
            "question": "A deaf woman may have been exploited for begging. Who should interpret?",
            "choices": [
                {"text": "A qualified sign language interpreter with no link to the case", "is_correct": True},
                {"text": "The relative who brings her to the bazaar every day", "is_correct": False},
                {"text": "No interpreter is needed; she can read lips", "is_correct": False},
            ],
            "explanation": "Reasonable accommodation means a qualified, independent interpreter. A relative may be involved in the exploitation.",
        },
        {
            "type": "single_choice",
            "question": "Which question is best for opening the free account of a possible victim?",
            "choices": [
                {"text": "'Tell me, in your own words, what happened after you arrived.'", "is_correct": True},
                {"text": "'Why didn't you ask the police for help?'", "is_correct": False},
                {"text": "'He took your passport and hit you, didn't he?'", "is_correct": False},
            ],
            "explanation": "An open invitation gives the fullest, most reliable account. 'Why' questions sound like blame and leading questions suggest answers.",
        },
        {
            "type": "true_false",
            "statement": "'Why didn't you run away?' is a neutral question that helps build trust.",
            "is_true": False,
            "explanation": "It sounds like blame. Ask instead what the person thinks would have happened if they had tried to leave.",
        },
        {
            "type": "multiple_choice",
            "question": "Which of these statements are harmful stereotypes? (select all that apply)",
            "choices": [
                {"text": "'A real victim would have escaped.'", "is_correct": True},
                {"text": "'Men cannot be trafficked.'", "is_correct": True},
                {"text": "'A person who sold sex cannot be a victim.'", "is_correct": True},
                {
                    "text": "'Debt, threats and lack of documents can keep a person in exploitation even behind unlocked doors.'",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": "The first three are myths that lead to disbelief. The last statement is accurate and describes how control works.",
        },
        {
            "type": "single_choice",
            "question": "During an interview, a victim starts shaking and crying. What should you do?",
            "choices": [
                {"text": "Continue quickly to finish before she stops talking", "is_correct": False},
                {
                    "text": "Stop the questions, offer water and a break, remind her she is safe, and continue later if needed",
                    "is_correct": True,
                },
                {"text": "End the case because she cannot give evidence", "is_correct": False},
            ],
            "explanation": "Pausing and letting the person control the pace avoids re-traumatisation and keeps her trust.",
        },
        {
            "type": "true_false",
            "statement": "For children returned from conflict zones, the Special Rapporteur recommended a best interests determination by specialised child protection staff.",
            "is_true": True,
            "explanation": "She called for best interests determinations by child protection specialists and for identifying and assisting these children as possible victims, without discrimination.",
        },
        {
            "type": "single_choice",
            "question": "Which practice most reduces re-traumatisation during an investigation?",
            "choices": [
                {"text": "Each agency interviews the victim separately", "is_correct": False},
                {
                    "text": "Agencies plan together so the victim tells the story as few times as possible",
                    "is_correct": True,
                },
                {"text": "The victim is confronted with the suspect to test the story", "is_correct": False},
            ],
            "explanation": "Repeated interviews and confrontation with suspects are major causes of re-traumatisation.",
        },
        {
            "type": "scenario",
            "case": (
                "<p>A 24-year-old woman returns to Dushanbe from the United Arab Emirates with IOM support. She was "
                "recruited through a messaging app for a job as a waitress. At the first police meeting, with a male "
                "officer, she says only that her employer did not pay her. Two weeks later, at an NGO shelter, she "
                "tells a female social worker that she was locked in an apartment and made to receive clients. She "
                "cannot say how many weeks this lasted, but remembers the street name and the woman who took the "
                "money. She is afraid because the recruiter knows her parents' village. She does not want to make a "
                "formal statement yet.</p>"
            ),
            "questions": [
                {
                    "type": "true_false",
                    "statement": "Because her account changed, she is probably not credible.",
                    "is_true": False,
                    "explanation": "Late and partial disclosure is common after trauma, especially with shame and fear. The change should be explored, not used to reject her.",
                },
                {
                    "type": "single_choice",
                    "question": "Who should conduct the next conversation with her?",
                    "choices": [
                        {"text": "Whoever is on duty, to save time", "is_correct": False},
                        {
                            "text": "A trained female officer, if that is her preference, with a female interpreter if needed",
                            "is_correct": True,
                        },
                        {
                            "text": "The male officer from the first meeting, to check the differences",
                            "is_correct": False,
                        },
                    ],
                    "explanation": "She should be asked her preference; a trained female interviewer is the normal offer after sexual exploitation.",
                },
                {
                    "type": "multiple_choice",
                    "question": "Which steps respect her rights at this stage? (select all that apply)",
                    "choices": [
                        {
                            "text": "Continue her assistance even though she does not want to make a statement yet",
                            "is_correct": True,
                        },
                        {"text": "Ask about threats and consider protection for her parents", "is_correct": True},
                        {"text": "Tell her that shelter will end unless she testifies", "is_correct": False},
                        {"text": "Explain her options and let her decide when she is ready", "is_correct": True},
                    ],
                    "partial_credit": True,
                    "explanation": "Assistance does not depend on cooperation (article 20, article 29, the NRM). Safety and informed choice come first.",
                },
            ],
        },
        {
            "type": "scenario",
            "case": (
                "<p>At a checkpoint on the Afghan border, officers meet a boy who looks about 15. He speaks only "
                "Dari, has no documents and seems very frightened. A man travelling with him says he is the boy's "
                "uncle, speaks Tajik well and offers to interpret. Through gestures the boy shows marks on his hands "
                "and points to a picture of a brick kiln. The man says they only want work in Tajikistan. Women and "
                "boys returned to Afghanistan face trafficking risks, and UNHCR has asked States not to return people there.</p>"
            ),
            "questions": [
                {
                    "type": "single_choice",
                    "question": "Who should interpret for the boy?",
                    "choices": [
                        {"text": "The man who says he is his uncle", "is_correct": False},
                        {
                            "text": "An independent Dari interpreter, by phone if necessary, with no link to the man",
                            "is_correct": True,
                        },
                        {"text": "No interpreter; the gestures are enough", "is_correct": False},
                    ],
                    "explanation": "The companion may be an exploiter. An independent interpreter is needed for real consent and a reliable account.",
                },
                {
                    "type": "multiple_choice",
                    "question": "What should the officers do? (select all that apply)",
                    "choices": [
                        {"text": "Separate the boy from the man and ensure his immediate safety", "is_correct": True},
                        {
                            "text": "Treat him as a child until his age is established and involve child protection",
                            "is_correct": True,
                        },
                        {
                            "text": "Refer him to the asylum procedure and the trafficking protection system",
                            "is_correct": True,
                        },
                        {
                            "text": "Return both to Afghanistan at once because the man said they only want work",
                            "is_correct": False,
                        },
                    ],
                    "partial_credit": True,
                    "explanation": "Child protection, separation from a possible exploiter and referral to both protection systems apply. Non-refoulement forbids return before his needs are assessed.",
                },
                {
                    "type": "true_false",
                    "statement": "Because the boy is a child, it does not matter whether the man used force or deception for the case to be treated as possible trafficking.",
                    "is_true": True,
                    "explanation": "For a child, the act and the purpose of exploitation are enough; the means are not required.",
                },
            ],
        },
    ],
}
