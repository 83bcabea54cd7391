"""Seed course: Identifying victims of trafficking. Written for Frontline from the public reports in shared/seeds."""

COURSE = {
    "slug": "identifying-victims",
    "title": "Identifying victims of trafficking",
    "summary": (
        "Learn the legal definition of trafficking in persons, the signs that point to it in every "
        "form of exploitation, and what to do under the National Referral Mechanism when you meet a "
        "possible victim."
    ),
    "learning_outcomes": [
        "By the end you can explain the three elements of trafficking (act, means, purpose) and why the means are not needed when the victim is a child.",
        "By the end you can name the articles of the Criminal Code and of the 2014 Anti-Trafficking Law that apply to trafficking and to victims.",
        "By the end you can recognise general indicators and indicators for forced labour, sexual exploitation, domestic servitude, forced begging, forced criminality and child trafficking.",
        "By the end you can recognise internal trafficking inside Tajikistan and possible victims among migrants and asylum seekers at the border.",
        "By the end you can make a preliminary identification and refer a person under the National Referral Mechanism (Governmental Act No. 327 of 2016), without making help conditional on a statement.",
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
        "customs",
        "drug-control",
        "labour-inspectorate",
    ],
    "lessons": [
        # ------------------------------------------------------------------ lesson 1
        {
            "slug": "the-definition",
            "title": "What trafficking in persons is",
            "intro": "The legal definition in three elements, and why consent and age change the picture.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Why the definition matters", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Trafficking in persons is a serious crime and a grave violation of human rights. "
                        "You cannot protect a victim you do not recognise, and victims rarely use the word "
                        "'trafficking'. They may call themselves unlucky workers, wives, debtors or people who "
                        "broke the law. Your task is to see the pattern behind the story.</p>"
                        "<p>Tajikistan is mainly a country of origin. Very many citizens work abroad, above all in "
                        "the Russian Federation, Kazakhstan and Türkiye. Money sent home by Tajik migrants in Russia "
                        "is equal to about 30 per cent of the country's gross domestic product. Most migrants are "
                        "never trafficked. But deception, debt and the loss of documents can turn an ordinary job "
                        "into exploitation, abroad or here at home.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "The three elements: act, means, purpose", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Tajikistan ratified the Palermo Protocol in 2002. Article 3 of the Protocol describes "
                        "trafficking through three elements. Learn them well: every later lesson uses them.</p>"
                        "<ul>"
                        "<li><b>Act</b> (what is done): recruiting, transporting, transferring, harbouring (keeping "
                        "or hiding) or receiving a person.</li>"
                        "<li><b>Means</b> (how it is done): threats, force or other coercion, abduction, fraud, "
                        "deception, abuse of power, abuse of a position of vulnerability, or giving payments or "
                        "benefits to someone who has control over the victim.</li>"
                        "<li><b>Purpose</b> (why it is done): exploitation. At a minimum this covers exploiting the "
                        "prostitution of others and other sexual exploitation, forced labour or services, slavery "
                        "and similar practices, servitude, and the removal of organs.</li>"
                        "</ul>"
                        "<p>For an adult victim, all three elements must be present. Note that the element is the "
                        "<i>purpose</i> of exploitation. The exploitation does not need to have happened yet. A "
                        "woman recruited by deception for sexual exploitation is already a victim when she is "
                        "stopped at the airport before departure.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children (Palermo Protocol, 2000)",
                        "article": "Article 3",
                        "paraphrase": (
                            "<p>Defines trafficking as an act (recruitment, transport, transfer, harbouring or "
                            "receipt of persons), carried out by certain means (threat, force, coercion, abduction, "
                            "fraud, deception, abuse of power or of a position of vulnerability, or payments to a "
                            "person in control of the victim), for the purpose of exploitation.</p>"
                            "<p>Paragraph (b): once any of these means is used, the victim's consent to the intended "
                            "exploitation does not matter. Paragraphs (c) and (d): a child is anyone under 18, and for "
                            "a child the act and the purpose are enough; no means need to be shown.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {"type": "heading", "value": {"text": "Consent does not cancel trafficking", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Traffickers and their lawyers often say: 'She agreed to go' or 'He signed the "
                        "contract'. This is not a defence. A woman who agreed to work as a waitress in Dubai did not "
                        "agree to be sold for sex. A man who agreed to work on a building site in Russia did not agree "
                        "to have his passport taken and his wages kept for months.</p>"
                        "<p>Tajik law says the same thing. Article 20 of the 2014 Anti-Trafficking Law states that "
                        "a person's agreement has no legal effect once any of the means in the definition has "
                        "been proved.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Children: the means are not needed", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A child is any person under 18. When the victim is a child, you only need the act and the "
                        "purpose. It does not matter whether anyone used force or lies. It does not matter that the "
                        "parents agreed, that money was paid to the family, or that the child says he or she wanted "
                        "to go.</p>"
                        "<p>The Anti-Trafficking Law recognises this rule, and Part 5 of the Law sets out the State's "
                        "duties to identify, assist and protect child victims. If you are not sure of a person's age, "
                        "treat the person as a child until the age is established.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law of the Republic of Tajikistan on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 1",
                        "paraphrase": (
                            "<p>Defines trafficking in persons and exploitation. The list of purposes is wide. Besides "
                            "sexual exploitation and forced labour, it includes begging, illegal removal of organs or "
                            "tissue, illegal adoption for commercial goals, illegal use of a person for reproductive "
                            "purposes or biomedical research, and forced participation in criminal groups, criminal "
                            "or illegal activity, or armed conflict. The means are irrelevant when the victim is a "
                            "child.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Criminal Code of the Republic of Tajikistan",
                        "article": "Article 130.1 and Article 130(2)",
                        "paraphrase": (
                            "<p>Article 130.1 makes trafficking in persons a crime. It covers both sexual exploitation "
                            "and forced labour. Article 130(2) provides a heavier punishment in aggravated situations, "
                            "including where violence is used and where the offence is committed by an official.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Criminal Code of the Republic of Tajikistan",
                        "article": "Article 167",
                        "paraphrase": "<p>Deals specifically with trafficking in minors (persons under 18).</p>",
                        "source_url": "",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Trafficking, smuggling and bad working conditions", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Migrant smuggling</b> means helping a person cross a border irregularly for money. "
                        "The migrant usually agrees, and the relationship ends on arrival. It is a crime against the "
                        "State's border rules. <b>Trafficking</b> is a crime against the person. It aims at "
                        "exploitation, it continues after arrival, and it does not need any border at all.</p>"
                        "<p>The two can overlap. A smuggled migrant can be sold to an employer on arrival and become "
                        "a trafficking victim. Likewise, low pay or long hours alone are labour violations, not "
                        "necessarily trafficking. Look for the means and for control over the person: taken "
                        "documents, debts that never end, threats, locked doors. When in doubt, refer. You do not "
                        "decide the case alone.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Ask yourself three questions",
                        "body": (
                            "<p>What was done to the person? How was it done? Why was it done? If you can answer "
                            "'recruited or moved', 'by lies, threats or abuse of vulnerability' and 'to exploit', "
                            "you have reasonable grounds to suspect trafficking. For a child, the first and third "
                            "answers are enough.</p>"
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": (
                            "A 17-year-old girl is taken by her aunt to another city to 'work in a café'. No one "
                            "threatened or deceived her. In fact she is made to provide sexual services to customers. "
                            "Do you need to show that means were used?"
                        ),
                        "choices": [
                            {"text": "Yes. Without force or deception it is not trafficking.", "is_correct": False},
                            {"text": "No. She is under 18, so the act and the purpose are enough.", "is_correct": True},
                            {"text": "Only if she makes a written complaint.", "is_correct": False},
                        ],
                        "explanation": (
                            "For a child, the Palermo Protocol and the Anti-Trafficking Law do not require means. "
                            "Transfer and receipt (act) for sexual exploitation (purpose) are enough."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": (
                            "An adult man signed a contract to work in Russia. On arrival the employer took his "
                            "passport, paid him nothing and threatened to report him to the police. Does his signed "
                            "contract mean this is not trafficking?"
                        ),
                        "choices": [
                            {"text": "Yes, he agreed to the job in writing.", "is_correct": False},
                            {
                                "text": "No. Once coercion or deception is used, his consent is irrelevant.",
                                "is_correct": True,
                            },
                            {"text": "It depends on whether the contract was in Russian.", "is_correct": False},
                        ],
                        "explanation": (
                            "Article 3(b) of the Protocol and Article 20 of the Anti-Trafficking Law make consent "
                            "irrelevant once any of the means has been established."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 2
        {
            "slug": "general-indicators",
            "title": "General indicators: seeing the signs",
            "intro": "Signs that point to trafficking in any form, who is most at risk, and how victims may behave.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Identification is your duty", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Identifying victims is a positive obligation of the State under the Palermo Protocol "
                        "and international human rights law. It does not depend on a complaint. The State must act "
                        "whenever there are <b>reasonable indications</b> of trafficking.</p>"
                        "<p>Early identification stops the cycle of exploitation and re-trafficking. It is also the "
                        "door to other rights: a victim who is not identified cannot benefit from non-punishment, and "
                        "a foreign victim cannot be protected from being sent back into danger. Without "
                        "identification, traffickers keep working with impunity.</p>"
                        "<p>Reasonable indications are not proof. One sign alone rarely decides anything. Several "
                        "signs together should make you ask careful questions and consider a referral.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "General indicators (any form of exploitation)",
                        "intro": "Look for combinations of these signs. Each one is a reason to ask more, not a conclusion.",
                        "indicators": [
                            "The person does not hold their own passport or identity document; an employer, recruiter or companion keeps it.",
                            "The person owes a debt for travel, housing, food or 'fees' that keeps growing or can never be repaid.",
                            "The person is not free to leave the workplace or the place where they live, or is always accompanied.",
                            "Someone else answers questions for the person, or holds their phone, tickets or money.",
                            "The job, pay or conditions are different from what was promised at recruitment.",
                            "The person receives little or no pay, or the pay goes to someone else.",
                            "The person has been threatened with violence, with harm to their family, or with being reported to the police or migration authorities.",
                            "The person shows injuries, exhaustion, signs of hunger or untreated illness.",
                            "The person does not know their address, the name of the employer or even the city where they worked.",
                            "The person lives at the workplace, in overcrowded or locked rooms.",
                            "Travel was arranged and paid by a third party and the person cannot explain the details.",
                            "The story sounds learned by heart, or several people in a group tell exactly the same story.",
                            "The person's irregular stay or lost documents are being used by someone to control them.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Who is at higher risk", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Anyone can be trafficked. The UN Special Rapporteur who visited Tajikistan in December "
                        "2021 pointed to groups at particular risk:</p>"
                        "<ul>"
                        "<li>migrant workers from households that do not speak Russian, a growing group;</li>"
                        "<li>women migrants, about 20 per cent of Tajik migrant workers, mostly in services, hotels "
                        "and domestic work;</li>"
                        "<li>rural women, widows, divorced women and women heading households while their husbands "
                        "work abroad;</li>"
                        "<li>children in street situations, Roma and Jughi children, and children with "
                        "disabilities;</li>"
                        "<li>persons with disabilities living in institutions with little outside monitoring;</li>"
                        "<li>lesbian, gay, bisexual and trans persons, who face discrimination and avoid "
                        "police;</li>"
                        "<li>Afghan refugees and asylum seekers without documents;</li>"
                        "<li>families who lost income when remittances fell during the COVID-19 pandemic.</li>"
                        "</ul>"
                        "<p>Recruitment increasingly happens online, through social media and messaging apps. A "
                        "job offer received on a phone deserves the same questions as one from a recruiter in the "
                        "bazaar.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Stereotypes hide victims",
                        "body": (
                            "<p>The Special Rapporteur found that discriminatory attitudes in the police and "
                            "prosecution services, especially towards women exploited for sex, stop victims from "
                            "being identified. Victims who report are often not believed.</p>"
                            "<p>Remember: men are trafficked too. A person who sold sex, crossed a border "
                            "irregularly or broke the law can still be a victim. Real victims rarely look like the "
                            "'perfect victim' people imagine.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "How victims may behave", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Do not expect a victim to ask you for help. Many do not see themselves as victims. They "
                        "may feel shame, fear for their family at home, fear deportation or prosecution, or distrust "
                        "police because of past harassment. Some defend the person who exploited them, or repeat a "
                        "story the trafficker told them to say.</p>"
                        "<p>Trauma can make a story confused, with gaps and changes. This is not a sign of lying. "
                        "Course 2 of this programme explains how to interview in a trauma-informed way. For now, "
                        "remember: stay calm, be patient, and keep the door to help open.</p>"
                    ),
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "The returnee at Dushanbe airport",
                        "scenario": (
                            "<p>A border officer at Dushanbe airport checks a 24-year-old man returning from Russia. "
                            "He travels on a temporary document issued by the consulate, not a passport. He speaks "
                            "little Russian and comes from a village in Khatlon.</p>"
                            "<p>When asked, he says he worked eight months on a building site. A 'brigadier' from his "
                            "own district took all the workers' passports 'for registration'. He was paid for the "
                            "first month only. The brigadier said the men owed money for travel and the hostel. "
                            "When two workers complained, they were beaten. The site closed and the workers were "
                            "left on the street. He is ashamed and wants to go home quietly.</p>"
                        ),
                        "discussion_points": [
                            "Which general indicators do you see?",
                            "Can you name the act, the means and the purpose?",
                            "Is he still a possible victim now that the exploitation has ended?",
                            "What could you say to him so that he does not feel accused or ashamed?",
                            "Who do you contact, and what information do you give him before he leaves the airport?",
                        ],
                        "takeaway": (
                            "Exploitation that has ended still counts. A returning migrant with these signs is a "
                            "possible victim and should be offered information and referral, even if he only wants "
                            "to go home."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "When must a State official start the identification process?",
                        "choices": [
                            {"text": "Only after the person files a written complaint.", "is_correct": False},
                            {
                                "text": "As soon as there are reasonable indications that the person may be trafficked.",
                                "is_correct": True,
                            },
                            {"text": "Only when there is proof that will stand up in court.", "is_correct": False},
                        ],
                        "explanation": (
                            "Identification is a positive duty of the State. It does not depend on a complaint or "
                            "on proof; reasonable indications are enough to act."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A woman tells you she knew the job abroad involved selling sex. What follows?",
                        "choices": [
                            {"text": "She cannot be a victim, because she knew.", "is_correct": False},
                            {
                                "text": "She may still be a victim if she was controlled by threats, debt, deception about the conditions or abuse of her vulnerability.",
                                "is_correct": True,
                            },
                            {"text": "She should be charged first and screened later.", "is_correct": False},
                        ],
                        "explanation": (
                            "Knowing the type of work is not consent to exploitation. If any of the means was used, "
                            "her consent is irrelevant, and she must be screened before any punitive step."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 3
        {
            "slug": "forms-of-exploitation",
            "title": "Indicators for specific forms of exploitation",
            "intro": "Forced labour, sexual exploitation, domestic servitude, forced begging, forced criminality and child trafficking.",
            "estimated_minutes": 25,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Each form of exploitation leaves its own traces. The lists below add to the general "
                        "indicators from the previous lesson. Use them with common sense: they help you notice, "
                        "they do not replace a careful conversation.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Forced labour", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Most Tajik migrants work in construction and agriculture in the Russian Federation, "
                        "usually from April to October. Tajik citizens can enter Russia without a visa and stay 90 "
                        "days. When that time runs out, an employer may use the migrant's irregular status as a "
                        "threat. In the past, men were also trafficked to Kazakhstan for construction and farm "
                        "work.</p>"
                        "<p>Forced labour also happens inside Tajikistan, on building sites, in mines, on farms and in "
                        "private homes, and children have been at risk in the cotton harvest.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Forced labour indicators",
                        "intro": "Signs that work is not freely chosen.",
                        "indicators": [
                            "Wages are withheld for months, 'saved' by the employer or paid only to a group leader.",
                            "Deductions for housing, food, tools or fines leave the worker with nothing.",
                            "Workers live on the site or in a hostel controlled by the employer.",
                            "Workers are told they will be reported to migration police if they leave.",
                            "Very long working days, no rest days, and no safety equipment.",
                            "Workers who complain are beaten, fined or sent away without pay.",
                            "A recruitment agency charged large fees and the worker is still paying them off.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Sexual exploitation", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Women and girls from Tajikistan have been trafficked for sexual exploitation to the "
                        "United Arab Emirates, Türkiye and Russia, sometimes through Kyrgyzstan, usually after being "
                        "promised work as waitresses, dancers, nannies or hotel staff. Inside Tajikistan this form "
                        "of trafficking remains largely invisible, according to the Special Rapporteur.</p>"
                        "<p>She was seriously concerned that victims are often not identified and are instead "
                        "prosecuted for involvement in prostitution (Criminal Code article 238) or for keeping or "
                        "organising brothels (article 239).</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Sexual exploitation indicators",
                        "intro": "Signs that a person is being exploited in the sex trade.",
                        "indicators": [
                            "The person was recruited for another job, such as waitress, dancer or hotel worker.",
                            "Someone else takes most or all of the money paid by clients.",
                            "The person must see a fixed number of clients or earn a daily amount.",
                            "The person is moved often between cities, apartments, saunas or hotels.",
                            "The person lives where the clients are received and cannot go out alone.",
                            "The person shows signs of violence, or has no access to medical care.",
                            "The person is very young, or has false documents that make them look older.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Screen before you charge",
                        "body": (
                            "<p>In any case involving prostitution or a brothel, check for trafficking indicators "
                            "<b>before</b> treating anyone as an offender. Article 20, parts 4 and 5, of the "
                            "Anti-Trafficking Law provide for the non-punishment principle: victims should not be "
                            "punished for offences they were made to commit because they were trafficked. OSCE "
                            "guidance recommends applying this principle as early as possible, including at the "
                            "moment of arrest.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Domestic servitude", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Women migrant domestic workers are among the most exposed, especially in Gulf countries "
                        "such as Qatar, Saudi Arabia and the United Arab Emirates, where consular help is limited. "
                        "They work alone inside private houses, out of sight of any inspector. Lockdowns during "
                        "COVID-19 made this isolation worse.</p>"
                        "<p>Domestic servitude also happens at home: a young bride, a relative from a village or a "
                        "child may be made to serve a household with no freedom and no pay.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Domestic servitude indicators",
                        "intro": "Signs that a domestic worker or household member is held in servitude.",
                        "indicators": [
                            "The person lives in the employer's home and is rarely or never allowed out alone.",
                            "The employer holds the person's passport and phone.",
                            "The person works from early morning to late night with no day off.",
                            "The person sleeps in a kitchen, a corridor or a storeroom, or is not given enough food.",
                            "Salary is paid to an agency or to the family 'to repay fees', not to the worker.",
                            "The person is insulted, hit or sexually abused by household members.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Forced begging", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Begging is listed as a form of exploitation in article 1 of the Anti-Trafficking Law. "
                        "Children with disabilities, children in street situations, and Roma and Jughi children are "
                        "at particular risk. Adults with disabilities can also be used.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Forced begging indicators",
                        "intro": "Signs that a person is made to beg for someone else.",
                        "indicators": [
                            "An adult watches the person from nearby and collects the money.",
                            "The person must bring back a fixed amount each day or is punished.",
                            "Children or persons with disabilities are brought to the same spot each morning and taken away at night.",
                            "The person's injuries or disability are shown in a way that seems staged.",
                            "Children beg during school hours over long periods.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Forced criminality", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Anti-Trafficking Law also covers forcing a person to take part in criminal groups, "
                        "criminal activity or armed conflict. People may be forced to steal, to carry drugs across a "
                        "border or to sell them. This matters for police, customs and drug control officers: the "
                        "courier you stop may be a victim as well as an offender.</p>"
                        "<p>Some of the women and children who went to the conflict zones of Syria and Iraq may "
                        "themselves have been trafficked, including for forced criminality or sexual exploitation. Tajikistan brought 84 "
                        "children back from Iraq in 2019.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Forced criminality indicators",
                        "intro": "Signs that an offence was committed under someone else's control.",
                        "indicators": [
                            "The person acted under threats to themselves or their family.",
                            "The person owes a debt to the people who gave the orders.",
                            "The person does not keep the profit of the crime.",
                            "The person was recruited for a legal job and then ordered to commit offences.",
                            "The person is a child, or was a child when the exploitation began.",
                        ],
                    },
                },
                {"type": "heading", "value": {"text": "Child trafficking", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Article 167 of the Criminal Code deals with trafficking in minors. Children are "
                        "trafficked for sexual exploitation, forced labour, begging, forced criminality and early or "
                        "forced marriage, especially girls in rural and remote areas. The Special Rapporteur also "
                        "received accounts of children and young adults being kept for long periods to rehearse for "
                        "State-organised events, with concerns about sexual exploitation. Traffickers increasingly "
                        "reach children online.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Child trafficking indicators",
                        "intro": "Remember: for a child, no means need to be shown.",
                        "indicators": [
                            "The child travels without parents, or with an adult who is not a relative or cannot explain the relationship.",
                            "The child has stopped going to school and works or is kept away from home.",
                            "A girl under 18 has been 'married', often through a religious ceremony only, to a much older man, and money was paid.",
                            "The child has no birth certificate or identity document, or carries a false one.",
                            "The child is very afraid of an adult who 'looks after' them.",
                            "The child has contact with unknown adults online who offer jobs, gifts or travel.",
                            "The child begs, sells goods or works on the street late at night.",
                        ],
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "The domestic worker at the consulate",
                        "scenario": (
                            "<p>A 32-year-old widow from a rural district comes to a Tajik consulate in the Gulf. A "
                            "licensed agency in Dushanbe recruited her for a hotel job. On arrival she was taken to "
                            "a private house. The employer kept her passport. She worked 18 hours a day, was locked "
                            "in at night and was never paid: the employer said her salary went to the agency to "
                            "repay her fees. She escaped while the family was out. She has no money for a "
                            "ticket.</p>"
                        ),
                        "discussion_points": [
                            "Which indicators of domestic servitude and of deception at recruitment do you see?",
                            "What are the act, the means and the purpose?",
                            "What immediate help can the consulate give, and whom should it contact to organise a safe return?",
                            "Why is the role of the agency in Dushanbe important for an investigation at home?",
                        ],
                        "takeaway": (
                            "A consular officer can make a preliminary identification abroad. The victim should "
                            "not have to pay for her own escape: contact the Ministry of Internal Affairs and IOM "
                            "to arrange repatriation and assistance on arrival."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": (
                            "A customs officer stops a young man carrying drugs across the border. He says men in "
                            "Russia hold his passport and threatened his mother if he refused. What is the right "
                            "approach?"
                        ),
                        "choices": [
                            {"text": "Treat him only as a drug courier; his story is irrelevant.", "is_correct": False},
                            {
                                "text": "Record the indicators of forced criminality, refer him for screening as a possible victim, and continue the investigation into the organisers.",
                                "is_correct": True,
                            },
                            {"text": "Release him at once without recording anything.", "is_correct": False},
                        ],
                        "explanation": (
                            "Threats and confiscated documents point to forced criminality. He must be screened "
                            "and referred; the non-punishment principle may apply. The people who organised the "
                            "smuggling remain the target of the investigation."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Which of these is listed in the Anti-Trafficking Law as a purpose of exploitation?",
                        "choices": [
                            {"text": "Begging", "is_correct": True},
                            {"text": "Paid seasonal work under a contract that is respected", "is_correct": False},
                            {"text": "Studying abroad on a scholarship", "is_correct": False},
                        ],
                        "explanation": (
                            "Article 1 of the Law lists begging among the purposes of exploitation, together with "
                            "sexual exploitation, forced labour, organ removal, commercial illegal adoption and "
                            "forced criminality, among others."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 4
        {
            "slug": "internal-trafficking-and-borders",
            "title": "Trafficking inside Tajikistan and at the border",
            "intro": "Internal trafficking is real and under-identified; borders are where many victims can first be seen.",
            "estimated_minutes": 20,
            "body": [
                {"type": "heading", "value": {"text": "Trafficking does not need a border", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Nothing in the definition requires crossing a border. A girl moved from a village to "
                        "Dushanbe and exploited there is as much a victim as a woman taken to Dubai.</p>"
                        "<p>The Special Rapporteur found that internal trafficking gets little attention because "
                        "the focus is on Tajik migrants abroad. She pointed to forced labour, servitude, forced "
                        "marriage and sexual exploitation inside the country, and to risky sectors such as building, mining, "
                        "agriculture and domestic service. Victims of internal trafficking are often not identified "
                        "or assisted at all.</p>"
                        "<p>Identification is improving: according to UNODC, the number of identified victims rose "
                        "from 15 in 2022 to 90 in 2023. But data on internal trafficking are still scarce. Poverty, "
                        "low school attendance among girls and the absence of husbands working abroad all raise the "
                        "risk.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Signs of internal trafficking in your district",
                        "intro": "Things a district officer, teacher, doctor or neighbour may notice.",
                        "indicators": [
                            "A girl leaves school and is 'married' to an older man in another town, and an intermediary received money.",
                            "Young women brought from the regions to work in saunas, cafés or hotels live on the premises and never go out alone.",
                            "Workers from other regions on a building site, a farm or a mine are unpaid and told they owe money.",
                            "Children are kept away from their families for long periods for work, events or 'training'.",
                            "Children or persons with disabilities beg while an adult collects the money.",
                            "Foreign migrant workers in Tajikistan have had their documents taken by an employer.",
                        ],
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "The bride who could not leave",
                        "scenario": (
                            "<p>A district police officer receives a call from a school teacher in Khatlon. A "
                            "16-year-old pupil stopped coming to school. Her family, in debt since her father lost "
                            "his work in Russia, accepted money from a go-between. The girl was 'married' through a "
                            "religious ceremony only to a man in a city in another region. Neighbours there say she "
                            "works in the house from dawn to night, never goes out, and that her phone was taken. "
                            "One neighbour heard her crying and asking to go home.</p>"
                        ),
                        "discussion_points": [
                            "Which elements of trafficking are present? Are the means relevant here?",
                            "Which article of the Criminal Code specifically concerns minors?",
                            "Who must be involved to protect the girl, and why should she not simply be returned to the family that accepted the money?",
                            "How can you speak to her safely, away from the husband and his relatives?",
                        ],
                        "takeaway": (
                            "A child moved and received for servitude or sexual exploitation is a trafficking "
                            "victim, even if her family agreed. Her best interests, not the family's agreement, "
                            "guide the response."
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "At the border and at airports", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Border guards are stationed at Dushanbe airport and at land checkpoints and have been "
                        "trained to spot possible traffickers and victims. At departure you may see people being "
                        "recruited. On arrival you may see people coming back from exploitation. In both cases, a "
                        "few calm questions can open the way to help.</p>"
                    ),
                },
                {
                    "type": "indicator_checklist",
                    "value": {
                        "title": "Indicators at departure or arrival",
                        "intro": "Use these in the short time you have with a traveller.",
                        "indicators": [
                            "The traveller does not know the name or address of the employer abroad.",
                            "A companion holds the traveller's passport and ticket and answers for them.",
                            "Several young women travel with one man who is not a relative.",
                            "The type of visa does not match the job the traveller describes.",
                            "The answers sound coached, or are identical to those of other travellers.",
                            "A child travels without parents or with an adult who cannot show the relationship.",
                            "A returnee has no passport, no money and signs of injury or exhaustion.",
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "The Afghan border: victims among asylum seekers", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Tajikistan has a long record of hosting Afghan refugees and joined the Refugee "
                        "Convention and its Protocol in 1993. In January 2021 alone, over 5,400 Afghans "
                        "came. In August 2021 the border was closed. The Special Rapporteur was told that 80 "
                        "asylum seekers were refused entry, stranded for two months in a buffer zone and then "
                        "forcibly returned without any assessment of their protection needs. Registration of new "
                        "asylum seekers was suspended and then resumed in March 2022.</p>"
                        "<p>UNHCR has advised States not to send people back to Afghanistan. Women and girls returned there "
                        "face risks of trafficking for forced marriage, sexual exploitation and forced labour; boys "
                        "also face trafficking risks. A person at the border who fears these harms may be both an "
                        "asylum seeker and a possible trafficking victim. UNHCR Guidelines on International "
                        "Protection No. 7 recognise that trafficking victims, or people at risk of it, may qualify "
                        "for refugee protection.</p>"
                    ),
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Convention relating to the Status of Refugees (1951)",
                        "article": "Article 33 (and Article 31)",
                        "paraphrase": (
                            "<p>Article 33: no refugee may be expelled or returned in any way to a territory where "
                            "their life or freedom would be threatened (non-refoulement). This includes rejection at "
                            "the border.</p>"
                            "<p>Article 31: refugees who come directly from danger and present themselves to the "
                            "authorities without delay must not be penalised for entering or staying "
                            "irregularly.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "info",
                        "title": "Two systems, one person",
                        "body": (
                            "<p>If a person at the border may be a refugee and may also be a trafficking victim, "
                            "refer them to both the asylum procedure and the trafficking protection system. One "
                            "does not cancel the other. Never send the person back before their protection needs "
                            "have been assessed.</p>"
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A woman brought from a village to work in a Dushanbe sauna is controlled by debt and threats. She never left Tajikistan. Can she be a trafficking victim?",
                        "choices": [
                            {"text": "No, trafficking requires crossing a border.", "is_correct": False},
                            {
                                "text": "Yes. Internal trafficking is trafficking; no border is required.",
                                "is_correct": True,
                            },
                            {"text": "Only if she was also taken abroad later.", "is_correct": False},
                        ],
                        "explanation": (
                            "The definition has no border element. Internal trafficking for sexual exploitation is "
                            "one of the forms the Special Rapporteur found to be least identified in Tajikistan."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "At the Afghan border, a woman says her daughter will be forced into marriage if they are sent back. What should you do?",
                        "choices": [
                            {"text": "Return them at once, because the border is closed.", "is_correct": False},
                            {
                                "text": "Do not return them; record the fear, and refer them to the asylum procedure and the trafficking protection system.",
                                "is_correct": True,
                            },
                            {"text": "Fine them for irregular entry and then decide.", "is_correct": False},
                        ],
                        "explanation": (
                            "Non-refoulement (Refugee Convention article 33) forbids return to serious harm, and "
                            "article 31 protects against penalties for irregular entry. Forced marriage risk is a "
                            "trafficking risk, so both referral routes apply."
                        ),
                    },
                },
            ],
        },
        # ------------------------------------------------------------------ lesson 5
        {
            "slug": "national-referral-mechanism",
            "title": "The National Referral Mechanism: who identifies and what happens next",
            "intro": "Preliminary and formal identification, the victim's rights under the 2014 Law, and your practical steps.",
            "estimated_minutes": 15,
            "body": [
                {"type": "heading", "value": {"text": "What the National Referral Mechanism is", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The National Referral Mechanism (NRM) was established in 2016 by Governmental Act No. "
                        "327, with IOM support. It links State bodies and non-governmental organisations so that "
                        "victims are identified and sent to the help they need. Under the Anti-Trafficking Law and "
                        "the NRM, help is given after an individual assessment of the person's needs, with their "
                        "consent and without discrimination. It is not conditional on cooperation with law "
                        "enforcement. Act No. 327 also foresees specialised support centres run by the State or by "
                        "NGOs.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Two stages: preliminary and formal identification", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Preliminary identification</b> may be made by any State agency or by an NGO. This "
                        "means that a border guard, a district police officer, a consular officer, a labour "
                        "inspector or a social worker can and should make it when they see reasonable "
                        "indications.</p>"
                        "<p><b>Formal identification</b> as a victim may only be made by the authorised State "
                        "agencies (article 12 of the Anti-Trafficking Law). Do not wait for the formal decision "
                        "before you protect the person: under article 11, assistance starts from the moment of "
                        "initial identification.</p>"
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
                        "article": "Article 12",
                        "paraphrase": "<p>Formal identification of a person as a victim of trafficking may be carried out only by authorised State agencies.</p>",
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Article 20",
                        "paraphrase": (
                            "<p>Once any of the means in the definition has been proved, the victim's agreement has no legal weight. A "
                            "person's status as a victim does not depend on cooperating with law enforcement, nor on "
                            "being formally recognised as the aggrieved party in a criminal case. Parts 4 and 5 "
                            "provide for the application of the non-punishment principle, that is, not punishing "
                            "victims for offences they were compelled to commit as a result of being trafficked. When the Special Rapporteur visited "
                            "in 2021, a reform to add this principle to the Criminal Code was being prepared, "
                            "because practice was inconsistent.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "legal_provision",
                    "value": {
                        "instrument": "Law on Counteracting Trafficking in Persons and Providing Support to Victims of Trafficking in Persons (2014)",
                        "article": "Articles 28 and 29",
                        "paraphrase": (
                            "<p>Article 28 lists the assistance victims receive: legal, psychological, medical and "
                            "material help, and support towards employment, career guidance and training. Article "
                            "29 provides support for up to two months whether or not the victim is willing to "
                            "cooperate with law enforcement, and states that legally recognised victims are not to "
                            "be held in detention or similar facilities.</p>"
                        ),
                        "source_url": "",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Help must not depend on a statement",
                        "body": (
                            "<p>Article 4.3 of the Law allows a 'differentiated approach': extra rehabilitation "
                            "services may depend on whether the victim agrees to cooperate. The Special Rapporteur "
                            "reported that in practice victims were required to cooperate to receive help, including "
                            "free legal aid. This is not what the Law's basic guarantees or the NRM require. Never "
                            "make a person's victim status, safety or basic assistance depend on giving "
                            "evidence.</p>"
                        ),
                    },
                },
                {"type": "heading", "value": {"text": "Your steps when you suspect trafficking", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<ol>"
                        "<li><b>Safety first.</b> Separate the person from any suspected exploiter or companion. Deal "
                        "with urgent medical needs.</li>"
                        "<li><b>Explain.</b> Say who you are, what help exists and that help does not depend on a "
                        "statement, in a language the person understands.</li>"
                        "<li><b>Observe and record.</b> Note the indicators you saw and heard. This is not an "
                        "interrogation; keep questions short and respectful.</li>"
                        "<li><b>Refer.</b> Contact the Centre on Trafficking in Persons of the Ministry of Internal "
                        "Affairs or your agency's focal point under the NRM. With the person's consent, refer them to "
                        "an NGO or IOM for shelter, medical, psychological and legal help.</li>"
                        "<li><b>Do not punish.</b> Do not detain or charge the person for offences linked to being "
                        "trafficked, such as irregular stay or document offences.</li>"
                        "<li><b>Children.</b> Involve child protection services. Do not hand a child back to the "
                        "adult who brought them without an assessment of the child's best interests.</li>"
                        "<li><b>Foreign nationals.</b> Article 31 of the Law deals with foreign and stateless "
                        "victims, including residence during criminal proceedings. No removal before protection "
                        "needs are assessed.</li>"
                        "<li><b>Confidentiality.</b> Share the person's details only with those who need them.</li>"
                        "</ol>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Be honest about what exists. In 2021 there was one State shelter, in Dushanbe, under "
                        "the Ministry of Health, with 30 places; few places exist outside the capital. NGOs and IOM "
                        "provide most shelter, legal, psychological and medical help. For victims abroad, consular "
                        "officers arrange documents and return; with IOM funding, 16 victims were helped to return "
                        "from India, Kazakhstan and Saudi Arabia in 2020 and 2021.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "hotline",
                        "title": "Who to call",
                        "body": (
                            "<p>The Centre on Trafficking in Persons of the Ministry of Internal Affairs, created in "
                            "2017, runs a dedicated hotline for victims and people at risk. It is advertised on radio "
                            "and television and on the Centre's website. IOM Tajikistan runs a free hotline for "
                            "victims who want to refer themselves.</p>"
                            "<p>Save both current numbers in your phone. Give them to a possible victim discreetly, "
                            "for example on a small piece of paper without any heading.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "value": {
                        "title": "She does not want to talk to the police",
                        "scenario": (
                            "<p>A woman of 27 arrives at Dushanbe airport from Türkiye, assisted by IOM. She was "
                            "recruited through a messaging app for a job in a hotel and was made to sell sex in an "
                            "apartment. She is exhausted and frightened. She tells the officer that she does not want "
                            "to make a statement, because the recruiter knows where her parents live.</p>"
                        ),
                        "discussion_points": [
                            "Is she entitled to assistance if she refuses to give a statement now? Which articles say so?",
                            "What can the officer do to reduce the risk to her parents?",
                            "Who can make the preliminary identification, and who makes the formal one?",
                            "How could a trusting first contact make her more willing to talk later?",
                        ],
                        "takeaway": (
                            "Victim status and basic assistance do not depend on cooperation (article 20, article "
                            "29, the NRM). Safety and trust come first; evidence often follows."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Who may carry out a preliminary identification under the National Referral Mechanism?",
                        "choices": [
                            {"text": "Only a court.", "is_correct": False},
                            {"text": "Any State body, or an NGO.", "is_correct": True},
                            {"text": "Only the Prosecutor General's Office.", "is_correct": False},
                        ],
                        "explanation": (
                            "Under the NRM, preliminary identification can be done by a State agency or an NGO. "
                            "Only formal identification is reserved to authorised State agencies (article 12)."
                        ),
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "A possible victim refuses to cooperate with the investigation. For how long does article 29 guarantee support regardless?",
                        "choices": [
                            {"text": "No support is due without cooperation.", "is_correct": False},
                            {"text": "Up to two months.", "is_correct": True},
                            {"text": "Three days.", "is_correct": False},
                        ],
                        "explanation": (
                            "Article 29 of the Anti-Trafficking Law provides support for up to two months "
                            "whether or not the victim is willing to cooperate with law enforcement."
                        ),
                    },
                },
            ],
        },
    ],
}


ASSESSMENT = {
    "title": "Assessment: Identifying victims of trafficking",
    "intro": (
        "Ten questions are drawn at random from this pool. They test the definition, indicators, internal "
        "and border trafficking, and referral under the National Referral Mechanism."
    ),
    "questions": [
        {
            "type": "single_choice",
            "question": "What are the three elements of trafficking in persons under article 3 of the Palermo Protocol?",
            "choices": [
                {"text": "Act, means and purpose", "is_correct": True},
                {"text": "Border crossing, payment and violence", "is_correct": False},
                {"text": "Complaint, investigation and conviction", "is_correct": False},
                {"text": "Recruitment, contract and wages", "is_correct": False},
            ],
            "explanation": "The definition combines an act (such as recruitment or transport), means (such as deception or coercion) and a purpose of exploitation.",
        },
        {
            "type": "true_false",
            "statement": "When the victim is 16 years old, it must be shown that force or deception was used before the case can be treated as trafficking.",
            "is_true": False,
            "explanation": "For a child (under 18), the act and the purpose are enough. The means are irrelevant under the Palermo Protocol and the Anti-Trafficking Law.",
        },
        {
            "type": "true_false",
            "statement": "If an adult agreed to work abroad, the case cannot be trafficking even if the employer later used threats and kept the person's passport.",
            "is_true": False,
            "explanation": "Once any of the means is used, consent is irrelevant (Palermo Protocol article 3(b); Anti-Trafficking Law article 20).",
        },
        {
            "type": "multiple_choice",
            "question": "Which of the following are 'means' in the international definition of trafficking? (select all that apply)",
            "choices": [
                {"text": "Deception about the job or the conditions", "is_correct": True},
                {"text": "Threats against the person's family", "is_correct": True},
                {"text": "Abuse of a position of vulnerability", "is_correct": True},
                {"text": "Offering a legal job with a contract that is fully respected", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": "Deception, threats and coercion, and abuse of a position of vulnerability are all means. A fair, respected job offer is not.",
        },
        {
            "type": "single_choice",
            "question": "Which article of the Criminal Code of Tajikistan deals specifically with trafficking in minors?",
            "choices": [
                {"text": "Article 167", "is_correct": True},
                {"text": "Article 238", "is_correct": False},
                {"text": "Article 239", "is_correct": False},
            ],
            "explanation": "Article 167 addresses trafficking of minors. Articles 238 and 239 concern prostitution and brothels, under which victims have wrongly been prosecuted.",
        },
        {
            "type": "single_choice",
            "question": "Article 130(2) of the Criminal Code provides a heavier punishment for trafficking in certain situations. Which situation is among them?",
            "choices": [
                {"text": "When the offence is committed by an official", "is_correct": True},
                {"text": "When the victim has a valid visa", "is_correct": False},
                {"text": "When the victim was paid part of the wages", "is_correct": False},
            ],
            "explanation": "Aggravated situations under article 130(2) include the use of violence and the commission of the offence by an official.",
        },
        {
            "type": "true_false",
            "statement": "The State only has to identify a victim after the victim files a formal complaint.",
            "is_true": False,
            "explanation": "Identification is a positive obligation. The State must act as soon as there are reasonable indications that a person may be trafficked, with or without a complaint.",
        },
        {
            "type": "single_choice",
            "question": "Under the National Referral Mechanism, who may carry out a preliminary identification?",
            "choices": [
                {"text": "Any State body, or an NGO", "is_correct": True},
                {"text": "Only a judge", "is_correct": False},
                {"text": "Only the victim's employer", "is_correct": False},
            ],
            "explanation": "Preliminary identification is open to State agencies and NGOs. Formal identification is reserved to authorised State agencies (article 12).",
        },
        {
            "type": "true_false",
            "statement": "Under article 11 of the Anti-Trafficking Law, assistance to a victim begins from the moment of initial identification.",
            "is_true": True,
            "explanation": "Article 11 links assistance to initial identification; it does not wait for formal identification or a court verdict.",
        },
        {
            "type": "multiple_choice",
            "question": "Which of these are general indicators of trafficking? (select all that apply)",
            "choices": [
                {"text": "An employer keeps the person's passport", "is_correct": True},
                {"text": "A debt for travel and housing that keeps growing", "is_correct": True},
                {"text": "A companion answers all questions for the person", "is_correct": True},
                {
                    "text": "The person travels with their own passport and a ticket they bought themselves",
                    "is_correct": False,
                },
            ],
            "partial_credit": True,
            "explanation": "Confiscated documents, growing debts and control by a companion are classic signs. Holding one's own documents and ticket is not an indicator.",
        },
        {
            "type": "multiple_choice",
            "question": "Which of these are signs of domestic servitude? (select all that apply)",
            "choices": [
                {"text": "The worker is locked in the employer's house at night", "is_correct": True},
                {"text": "The salary is paid to an agency 'to repay fees'", "is_correct": True},
                {"text": "The worker has no day off and works very long hours", "is_correct": True},
                {"text": "The worker lives in her own flat and has a weekly day off", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": "Isolation, no pay to the worker and excessive hours without rest point to domestic servitude.",
        },
        {
            "type": "single_choice",
            "question": "Police raid a sauna and find a young woman from a rural district who says her 'manager' takes all her money and keeps her passport. What should happen first?",
            "choices": [
                {"text": "Charge her under article 238 and check her story later", "is_correct": False},
                {
                    "text": "Screen her for trafficking indicators and refer her as a possible victim before any punitive step",
                    "is_correct": True,
                },
                {"text": "Send her back to her village without recording anything", "is_correct": False},
            ],
            "explanation": "The signs point to sexual exploitation. Screening comes before charging; under article 20(4)-(5) victims should not be punished for offences caused by their trafficking.",
        },
        {
            "type": "true_false",
            "statement": "A person can be a victim of trafficking without ever leaving Tajikistan.",
            "is_true": True,
            "explanation": "The definition has no border element. Forced labour, forced marriage and sexual exploitation also happen entirely inside Tajikistan.",
        },
        {
            "type": "single_choice",
            "question": "What is the main difference between migrant smuggling and trafficking in persons?",
            "choices": [
                {
                    "text": "Trafficking aims at exploiting the person and does not need a border crossing; smuggling is about irregular border crossing",
                    "is_correct": True,
                },
                {"text": "Smuggling always involves children; trafficking never does", "is_correct": False},
                {"text": "There is no difference; the terms mean the same", "is_correct": False},
            ],
            "explanation": "Smuggling concerns irregular entry and usually ends on arrival. Trafficking is a crime against the person aimed at exploitation, with or without a border.",
        },
        {
            "type": "multiple_choice",
            "question": "Which of these are listed as purposes of exploitation in article 1 of the 2014 Anti-Trafficking Law? (select all that apply)",
            "choices": [
                {"text": "Begging", "is_correct": True},
                {"text": "Forced participation in criminal activity or armed conflict", "is_correct": True},
                {"text": "Illegal removal of organs or tissue", "is_correct": True},
                {"text": "Voluntary seasonal work that is fairly paid", "is_correct": False},
            ],
            "partial_credit": True,
            "explanation": "Article 1 lists a wide range of purposes, including begging, organ removal, commercial illegal adoption and forced criminality. Fair voluntary work is not exploitation.",
        },
        {
            "type": "true_false",
            "statement": "Under article 20 of the Anti-Trafficking Law, a person is only a victim if they agree to cooperate with law enforcement.",
            "is_true": False,
            "explanation": "Article 20 states that victim status does not depend on cooperation with law enforcement or on being the aggrieved party in a criminal case.",
        },
        {
            "type": "single_choice",
            "question": "An Afghan family at the border says the daughter will be forced into marriage if returned. Which principle forbids sending them back before their claim is assessed?",
            "choices": [
                {"text": "Non-refoulement (Refugee Convention article 33)", "is_correct": True},
                {"text": "The 90-day visa-free rule", "is_correct": False},
                {"text": "The differentiated approach in article 4.3", "is_correct": False},
            ],
            "explanation": "Non-refoulement forbids return to serious harm, including rejection at the border. Forced marriage is also a trafficking risk, so both referral routes apply.",
        },
        {
            "type": "true_false",
            "statement": "Under article 29 of the Anti-Trafficking Law, legally recognised victims of trafficking are not to be held in detention or similar facilities.",
            "is_true": True,
            "explanation": "Article 29 provides support for up to two months regardless of cooperation and protects recognised victims from detention.",
        },
        {
            "type": "scenario",
            "case": (
                "<p>Six Tajik men come to the Consulate General in Novosibirsk. They were recruited in their "
                "district by a man who promised construction work at a good wage and paid their tickets. In Russia "
                "he took their passports 'for registration' and housed them in a locked container on the site. "
                "After four months they have received almost nothing: he says they still owe him for travel, food "
                "and the container. Their 90-day stay has expired, and he tells them the police will deport them if "
                "they complain. One man has an untreated hand injury. They want to go home but have no money and no "
                "documents.</p>"
            ),
            "questions": [
                {
                    "type": "multiple_choice",
                    "question": "Which elements of trafficking can you identify? (select all that apply)",
                    "choices": [
                        {"text": "Act: recruitment and transport by the recruiter", "is_correct": True},
                        {
                            "text": "Means: deception about wages and coercion through debt and threats of deportation",
                            "is_correct": True,
                        },
                        {"text": "Purpose: forced labour", "is_correct": True},
                        {"text": "None, because the men chose to travel", "is_correct": False},
                    ],
                    "partial_credit": True,
                    "explanation": "All three elements are present. Their choice to travel is irrelevant once deception and coercion were used.",
                },
                {
                    "type": "true_false",
                    "statement": "Because the men overstayed their 90 days, they are offenders and cannot be treated as possible victims.",
                    "is_true": False,
                    "explanation": "Their irregular status is being used to control them. Status offences linked to trafficking fall under the non-punishment principle, and it does not remove their right to identification.",
                },
                {
                    "type": "single_choice",
                    "question": "What is the most appropriate first response by the consular officer?",
                    "choices": [
                        {"text": "Tell them to report to the Russian police themselves and leave", "is_correct": False},
                        {
                            "text": "Make a preliminary identification, arrange medical care and travel documents, and contact the Ministry of Internal Affairs and IOM to organise safe return and assistance",
                            "is_correct": True,
                        },
                        {"text": "Ask them to pay for new passports before anything else is done", "is_correct": False},
                    ],
                    "explanation": "Consular officers can make a preliminary identification and should link victims to repatriation and assistance, without making them pay for their own escape.",
                },
            ],
        },
        {
            "type": "scenario",
            "case": (
                "<p>A district police officer in Sughd notices two girls, aged about 12 and 14, begging at a bus "
                "station every day during school hours. A man watches them from a car and takes their money each "
                "evening. One girl has a disability in her leg. A stall owner says the man brings them in the "
                "morning and beats them if they bring back too little. The girls say the man is their 'uncle' but "
                "cannot tell his name. They have no documents.</p>"
            ),
            "questions": [
                {
                    "type": "true_false",
                    "statement": "To treat this as possible trafficking, the officer must first prove that the man used force or deception.",
                    "is_true": False,
                    "explanation": "The girls are children. The act (harbouring, transporting) and the purpose (exploitation through begging) are enough.",
                },
                {
                    "type": "multiple_choice",
                    "question": "Which indicators of forced begging are present? (select all that apply)",
                    "choices": [
                        {"text": "An adult watches them and collects the money", "is_correct": True},
                        {"text": "They are punished if they bring back too little", "is_correct": True},
                        {"text": "They beg during school hours over a long period", "is_correct": True},
                        {"text": "They keep the money to buy food for themselves", "is_correct": False},
                    ],
                    "partial_credit": True,
                    "explanation": "Control by an adult, quotas with punishment and missed schooling are typical signs of forced begging.",
                },
                {
                    "type": "single_choice",
                    "question": "What should the officer do with the girls?",
                    "choices": [
                        {"text": "Hand them back to the 'uncle' with a warning", "is_correct": False},
                        {
                            "text": "Ensure their immediate safety, involve child protection services, and refer them under the NRM as possible child victims",
                            "is_correct": True,
                        },
                        {"text": "Fine them for begging", "is_correct": False},
                    ],
                    "explanation": "Children must never be returned to a suspected exploiter. Child protection and the NRM must be involved, and their best interests guide the response.",
                },
            ],
        },
    ],
}
