"""Word lists that type names the registry does not know.

Each list answers one question about a word next to or inside a capitalised
name: is it a legal or sector suffix (Company), an institutional head (Ministry:
GovernmentBody, Institute: Organization), an asset head (mine, plant), a title
that precedes a person's name, a descriptive noun that says what a named thing
is ("chipmaker", "regulator", "start-up")...
"""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType

__all__ = [
    "word_set",
    "ASSET_HEADS",
    "CHINESE_SURNAMES",
    "COUNT_WORDS",
    "COMMODITIES",
    "COMMON_CAPITALISED",
    "COMPANY_SUFFIXES",
    "DESCRIPTOR_TYPES",
    "FIRST_NAMES",
    "GENERIC_ACRONYMS",
    "GOVERNMENT_HEADS",
    "GOVERNMENT_DESCRIPTIONS",
    "LEGAL_SUFFIXES",
    "MARKET_HEADS",
    "MONTHS",
    "ORGANIZATION_HEADS",
    "PERSON_TITLES",
    "PRODUCT_NOUNS",
    "SENTENCE_ADVERBS",
    "REGION_HEADS",
    "ROLE_WORDS",
    "ROLE_LEADS",
]


def word_set(block: str) -> frozenset[str]:
    """The set of words of a whitespace-separated block."""
    return frozenset(block.split())


_words = word_set


# Legal forms: stripped to find a short name ("Tallis S.à r.l." -> "Tallis").
LEGAL_SUFFIXES = _words(
    """Co. Co Corp. Corp Corporation Inc. Inc Incorporated Ltd. Ltd Limited LLC L.L.C. LLP LP
    L.P. PLC Plc plc AG SA S.A. SE NV N.V. BV B.V. GmbH S.à r.l. Sarl S.a.r.l. SARL KK K.K. Pte
    Pte. Bhd Bhd. Berhad Tbk PJSC JSC OAO PT SpA S.p.A. AB ASA Oyj A/S Pty Pty. SAS S.L. SL"""
)

# Sector words that end company names ("Norvik Mining", "Huaxin Securities").
COMPANY_SUFFIXES = LEGAL_SUFFIXES | _words(
    """Group Holding Holdings Securities Capital Bank Mining Technologies Technology Tech
    Motors Motor Automobile Automotive Auto Autos Funds Fund Partners Investment Investments
    Ventures Electronics Energy Pharmaceutical Pharmaceuticals Pharma Airlines Airways Telecom
    Telecommunications Communications Industries Industrial Resources Retail Properties Property
    Logistics Semiconductor Semiconductors Insurance Assurance Economics Research
    Consulting Advisors Advisers Shipping Steel Chemical Chemicals Foods Food Beverage Beverages
    Media Entertainment Networks Systems Solutions Software Robotics Biotech Biotechnology
    Therapeutics Health Healthcare Power Petroleum Petrochemical Oil Gas Coal Metals Materials
    Electric Battery Batteries Microelectronics Trust Brewery Dairy Textile Textiles Apparel Realty
    Developments Estate Construction Engineering Cement Enterprises Enterprise Corp Company
    Manufacturing Aviation Aerospace Airport Express Finance Financial Securities Brokerage
    Solar Photovoltaic Lithium Nickel Copper Gold Aluminium Aluminum Cobalt Platform Platforms
    Labs Lab Studios Games Gaming Interactive Digital Cloud Data Internet Online Mobile Devices
    Instruments Machinery Equipment Shipbuilding Heavy Motors Mobility Vehicles Trading
    Commerce Consumer Brands Stores Supermarkets Hotels Resorts Leisure Travel Airline Rail
    Container Ports Port Terminals Infrastructure Utilities Water Wind Nuclear Hydro Renewables
    Agriculture Agri Fisheries Seafood Pork Meat Dairy Tobacco Liquor Wines Spirits Cosmetics
    Fashion Sportswear Footwear Furniture Appliances Display Displays Optoelectronics Photonics
    Chips Chip Microsystems Silicon Foundry Medical Biosciences Life Sciences Diagnostics
    Vaccines Bio Clearing Exchange Exchanges Asset Management Wealth Bancorp Bankshares Credit
    Leasing Guarantee Lending Payments Pay Fintech Capital Equity Advisory Associates Tourism
    Hospitality Pictures Music Film Films Cinema Cinemas Publishing Education Sports Culture"""
)

# Technology words written in capitals that name no entity ("AI processors", "EV makers").
GENERIC_ACRONYMS = _words(
    "AI EV EVs NEV NEVs IT 5G 6G LLM LLMs GPU GPUs CPU CPUs IoT VR AR AGI ESG IPO IPOs ETF ETFs HR"
    " PR"  # a firm's functions ("Head of PR")
    " MW GW TW kW GWh MWh kWh TWh"  # units of power and energy ("300 MW of modules")
    " E.O. EO"  # an executive order ("under E.O. 14032")
)

# Heads that make a capitalised name a government body.
GOVERNMENT_HEADS = _words(
    """Ministry Administration Commission Bureau Department Council Customs Regulator Authority
    Agency Office Congress Parliament Senate Government Cabinet Court Procuratorate Police
    Treasury Reserve Directorate Inspectorate Secretariat Assembly Politburo Taskforce
    Regulatory Supervision Supervisory Ministry Tribunal Board"""
)

# Heads that make a capitalised name a non-commercial organisation.
ORGANIZATION_HEADS = _words(
    """Association Institute Institution Federation Foundation University College Academy
    Organization Organisation Forum Society Union Chamber League Alliance Centre Center Party
    Committee Club Museum Hospital School Observatory Consortium Coalition Confederation
    Initiative Programme Program Network Think-tank"""
)

# International bodies are organisations even when their head says "Agency"/"Council".
INTERNATIONAL_PREFIXES = _words("International World Global United Asian European African")

MARKET_HEADS = _words("Index Composite Connect Board Indices Average 50 100 300 500")

# Nouns (lower case) that end an asset's name ("Kaseba copper mine", "Penang plant").
ASSET_HEADS = _words(
    """mine mines plant factory gigafactory facility refinery smelter terminal port project
    field oilfield gasfield deposit pipeline dam station farm park complex mill hub campus
    base reactor shipyard warehouse"""
)

REGION_HEADS = _words(
    """Province Prefecture County District City Zone Region Municipality Island Islands Valley
    Delta Peninsula Basin Bay Area State"""
)

# Words that make a name a product when they follow it ("Orion 3.5 models", "X2 model").
PRODUCT_NOUNS = _words(
    """model models chip chips chipset processor processors smartphone smartphones phone phones
    app apps platform chatbot chatbots assistant series version versions system software
    vehicle vehicles car cars sedan SUV SUVs EV EVs truck trucks drone drones console game
    handset handsets laptop laptops tablet device devices engine engines aircraft jet jets
    satellite rocket robot robots robotaxi robotaxis browser operating service variant variants
    LLM LLMs tool agent agents edition family hatchback hatchbacks coupe minivan MPV pickup
    crossover crossovers wagon saloon headset headsets earbuds wearable foldable foldables
    supercomputer GPU GPUs accelerator accelerators"""
)

# Roles one firm plays for another: after "as its" the possessor is someone else ("PwC
# resigned as its auditor": not PwC's own auditor).
ROLE_NOUNS = _words(
    """auditor auditors adviser advisers advisor advisors underwriter underwriters sponsor
    sponsors supplier suppliers partner partners shareholder shareholders investor investors
    lender lenders banker bankers broker distributor agent trustee custodian contractor vendor
    provider parent owner buyer acquirer"""
)
ROLE_ADJECTIVES = _words("new former sole main largest biggest lead key only principal")

# Descriptive nouns before a name ("chipmaker Vantrix", "analyst Li Wenjie") and their type.
DESCRIPTOR_TYPES: dict[str, EntityType] = {}
for _word in _words(
    """company companies firm firms group giant giants maker makers chipmaker chipmakers
    carmaker carmakers automaker automakers startup start-up start-ups startups conglomerate
    lender lenders bank banks insurer insurers broker brokers brokerage brokerages retailer
    retailers chain chains developer developers producer producers miner miners operator
    operators manufacturer manufacturers supplier suppliers unicorn unicorns rival rivals
    peer peers competitor competitors outfit fund funds investor subsidiary subsidiaries unit
    units affiliate affiliates parent owner owners brand brands platform-operator marketplace
    e-commerce exchange bourse airline airlines shipper shippers refiner refiners smelter
    builder builders vendor vendors distributor distributors provider providers titan
    behemoth heavyweight powerhouse player players house consultancy agency agencies
    newspaper broadcaster publisher wire outlet outlets juggernaut leader specialist
    drugmaker drugmakers planemaker shipbuilder steelmaker automakers phonemaker utility
    partnership auditor auditors accountant assembler assemblers carrier carriers exporter
    importer trader traders conglomerate"""
):
    DESCRIPTOR_TYPES[_word] = EntityType.COMPANY
for _word in _words(
    """regulator regulators watchdog watchdogs ministry ministries authority authorities
    administration commission bureau agency-of government cabinet"""
):
    DESCRIPTOR_TYPES[_word] = EntityType.GOVERNMENT_BODY
for _word in _words(
    """analyst analysts economist economists strategist strategists executive executives
    founder co-founder cofounder chairman chairwoman chairperson chief president premier
    minister spokesperson spokesman spokeswoman official officials director manager partner
    billionaire tycoon entrepreneur veteran banker bankers investor-activist professor
    researcher scientist lawyer trader governor mayor secretary senator lawmaker envoy
    ambassador vice-president vice-chairman head deputy boss ceo CEO CFO COO CTO"""
):
    DESCRIPTOR_TYPES[_word] = EntityType.PERSON
for _word in _words(
    "model chatbot app chip smartphone phone site service software pill drug vaccine"
):
    DESCRIPTOR_TYPES[_word] = EntityType.PRODUCT

# Descriptive nouns that open a sentence before a name ("Chipmaker Vantrix said"), where
# the capital is the sentence's, not a name's: none of them begins a firm's name.
OPENING_DESCRIPTORS = _words(
    """Chipmaker Chipmakers Carmaker Carmakers Automaker Automakers Drugmaker Drugmakers
    Planemaker Phonemaker Steelmaker Shipbuilder Insurer Lender Miner Retailer Brokerage
    Conglomerate Startup Start-up Refiner Smelter Developer Regulator Watchdog Billionaire
    Tycoon Entrepreneur Supplier Manufacturer Producer Exporter Importer Broadcaster
    Consultancy"""
)

# Titles written before a person's name; stripped from the name.
PERSON_TITLES = _words(
    """Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir Dame Lord Premier President
    Chairman Chairwoman Minister Governor Senator Sen. Rep. Representative Secretary Chancellor
    Mayor Judge Justice General Gen. Ambassador Commissioner Director Vice Deputy CEO Chief
    Executive King Queen Prince Princess Emperor Pope Sheikh Vice-Premier Vice-President
    Prime Finance Commerce Trade Foreign Defence Defense Treasury State Party Secretary-General
    Founder Co-founder Analyst Economist Spokesperson Spokesman Spokeswoman Chair CFO COO CTO"""
)

# Role words and the predicate they imply between a person and an organisation.
ROLE_LEADS = _words(
    """ceo chief-executive chairman chairwoman chairperson chair president head boss founder
    co-founder cofounder premier governor mayor director-general secretary-general leader
    party-secretary managing-director general-manager owner prime-minister chancellor
    commissioner minister"""
)
ROLE_WORDS = ROLE_LEADS | _words(
    """analyst economist strategist executive cfo coo cto cio cmo officer director manager
    partner vice-president vice-chairman deputy spokesperson spokesman spokeswoman official
    researcher scientist engineer adviser advisor consultant lawyer trader banker
    board-member member employee staff editor reporter correspondent professor fellow
    vice-mayor deputy-mayor vice-governor chief"""
)

# Common given names (Western and romanised) that start a person's name.
FIRST_NAMES = _words(
    """Robin Duncan Carlos John James Michael David Robert William Richard Joseph Thomas
    Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth
    Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric
    Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank
    Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary
    Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean
    Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel
    Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip
    Johnny Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy
    Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda
    Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen
    Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn
    Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren
    Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa
    Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn
    Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose
    Alexis Kayla Elon Tim Satya Sundar Jensen Lisa Mark Jeff Bill Warren Jamie Larry Sergey
    Masayoshi Jack Pony Lei Jensen Ursula Olaf Emmanuel Giorgia Pedro Luiz Vladimir Narendra
    Fumio Shigeru Yoon Kishida Anwar Prabowo Joko Ferdinand Janet Gina Jerome Christine Kristalina
    Ngozi Josep Antonio Mario Luca Marco Giovanni Francesco Pierre Jean-Pierre Francois Olivier
    Hans Klaus Jurgen Wolfgang Ola Oliver Rishi Keir Boris Justin Anthony Scott Howard Lutnick
    Marco Kamala Nikki Katherine Jake Kurt Wendy Chris Tony Andy Nick Ben Sam Max Alex Greg Ken
    Ray Leo Hugo Felix Lars Sven Erik Mats Anders Henrik Magnus Ole Jan Piet Willem Ahmed
    Mohammed Muhammad Ali Omar Hassan Hussein Abdul Khalid Yusuf Ibrahim Sheikh Rajesh Mukesh
    Gautam Ratan Anand Ravi Vijay Sanjay Arvind Amit Raj Kumar Hiroshi Takeshi Akio Koji Kenji
    Masahiro Toshiaki Kazuo Yuki Jun Min-jun Jae-yong Kwang Sung Hyun Young Seung Mikhail
    Sergei Alexei Dmitry Igor Oleg Viktor Yuri Andrei Daniela Silvia Elena Ana Sofia Lucia
    Carmen Isabel Teresa Beatriz Jorge Luis Miguel Manuel Fernando Ricardo Roberto Alejandro
    Diego Javier Rafael Sergio Pablo Andres Eduardo Jaime Gustavo Martin Simon Adrian Stefan
    Thierry Bernard Alain Philippe Nicolas Emmanuel Bruno Didier Herbert Horst Dieter Uwe
    Stewart Graham Neil Ian Colin Gordon Alistair Angus Fraser Hamish Rory Declan Liam Sean
    Conor Brendan Patrick Finbar Eoin Ciaran Jerome Tobias Elliott Cathie Ray Lina Gita Raghuram
    Shaktikanta Haruhiko Kazuo Jin-woo Tan Lip-Bu Morris Terry Cher Winston Eddie Jimmy Tommy"""
)

# Common Chinese surnames as romanised (mainland pinyin and Hong Kong/Taiwan spellings).
CHINESE_SURNAMES = _words(
    """Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye
    Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Zhong Xue Yan Wen Lei Qin Yi Lai Kong Bai Mao Qiu
    Qian Shi Gu Hou Meng Long Wan Duan Tan Lam Wong Chan Cheung Leung Ho Ng Lee Chow Tsang Lau
    Yip Kwok Tse Fung Poon Chu Chiu Hui Kwan Lo Mak Siu Tam Yeung Yim Choi Chung Ko Lui Sze
    Xi Hua Miao Geng Niu Hao Kang Xiong Qiao Lv Lyu Wei Yin Jia Xing An Chang Hong Fan Ouyang
    Situ Zhuge Shangguan Gong Zou Shao Xia Zhan Rong Bao Pang Mo Kou Jiao Ji Liao Huo Yue Lian"""
)
# Korean surnames, in their usual romanisations ("Kwak Jae-sun", "Chung Yong-won").
KOREAN_SURNAMES = _words(
    """Kim Lee Park Choi Jung Chung Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
    Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh Roh Ha Kwak Sung Cha Joo Woo
    Min Ryu Na Jin Chae Won Chun Bang Kong Hyun Ham Pyo Yeo Do Byun Chey Koo Goo Suh Rhee"""
)

# Capitalised words that start sentences or headlines but are not names.
# Number words for a count of things ("three months", "four companies").
COUNT_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Adverbs that open a sentence and never a name ("Now DZ Bank analyst X said").
SENTENCE_ADVERBS = _words(
    """Now Later Earlier Separately Previously Currently Instead Overall Initially Finally
    Elsewhere Likewise Similarly Additionally Notably Indeed Ultimately Recently Once Again
    Already Soon Meanwhile Also However Still"""
)

# Sectors written in camel case, as names are ("its eCommerce business"): no name.
CAMEL_CASE_COMMON = _words("ecommerce ebusiness ecom esports elearning email ebook ebooks etailer")

COMMON_CAPITALISED = _words(
    """The A An This That These Those It Its In On At For From By With Without About After
    Before Since Until As And But Or Nor So Yet If When While Where Why How What Which Who
    Whom Whose There Here Then Also However Meanwhile Moreover Furthermore Still Although
    Though Because Despite During Under Over Between Among Against Into Onto Upon Within
    Through Across Along Around Behind Beyond Above Below Near Last Next First Second Third
    Shares Stocks Investors Analysts Officials Products Sales Prices Markets Founded Based
    Under According Some Many Most Several Both Each Every All No Not Only Even Just More Less
    Mainland Chinese New Old Big Small Major Top Latest Recent Former Current Other Such
    Year Years Month Months Week Weeks Today Yesterday Tomorrow Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec He
    She They We You I His Her Their Our Your My Retail Institutional State Global
    Local Foreign Domestic International National Regional Central Western Eastern Northern
    Southern Overseas Premier President Chairman Minister CEO Chief Executive Former Markets
    Revenue Profit Net Income Earnings Growth Demand Supply Trade Exports Imports Tariffs
    Prices Inflation Economy Government Beijing's Experts Sources People Companies Firms
    Banks Brands Buyers Sellers Consumers Users Customers Workers Employees Managers Traders
    Let Amid Following Including Excluding Regarding Considering Given Plus Per Via Versus
    Why Yes Did Do Does Will Would Can Could Should May Might Must Shall Has Have Had Is
    Are Was Were Be Been Being Said Says Say Data Report Reports Statement Update Breaking
    Exclusive Analysis Opinion Comment Editorial Photo Video Read See Click Subscribe
    Share Follow Like Tags Topics Related Source Sources Note Notes Update Updated Published
    Posted By Written Edited Contact Email Print Home News Business Economy Tech Technology
    Finance Politics World Asia China Opinion Lifestyle Sport Sports Culture Life Weekend
    One Two Three Four Five"""
) | SENTENCE_ADVERBS

WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Verbs that put a product out ("released Orion 3", "launches of Lumen").
LAUNCH_VERBS = _words(
    """launch launched launches launching release released releases unveil unveiled unveils
    introduce introduced introduces debut debuted debuts open-source open-sourced rolled"""
)

MONTHS = _words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)

# Goods that can be imported, banned or taxed. Plural and singular forms.
COMMODITIES = _words(
    """seafood fish soybeans soybean soy corn maize wheat rice barley sorghum pork beef poultry
    chicken lamb mutton dairy milk sugar coffee cocoa tea cotton wool timber lumber logs
    canola rapeseed palm-oil wine wines brandy cognac whisky spirits beer tobacco fruit fruits
    vegetables durians durian cherries lobster lobsters shrimp salmon crab coal oil crude
    crude-oil LNG gas natural-gas petroleum diesel gasoline jet-fuel naphtha iron-ore nickel-ore
    copper-ore bauxite ore
    steel aluminium aluminum copper nickel cobalt lithium zinc lead tin gold silver platinum
    palladium uranium gallium germanium antimony graphite tungsten molybdenum magnesium
    manganese titanium vanadium rare-earths rare-earth polysilicon silicon semiconductors chips
    solar-panels panels solar-glass solar-cells solar-modules wafers batteries EVs
    electric-vehicles vehicles cars tyres tires textiles
    garments apparel furniture fertiliser fertilizer fertilisers fertilizers urea potash
    phosphate plastics chemicals pharmaceuticals drugs medicines vaccines cosmetics
    machinery equipment drones pork-products beef-products meat biodiesel biofuel biofuels
    ethanol methanol hydrogen ammonia fentanyl turbines wind-turbines inverters plywood
    ceramics honey garlic avocados kiwifruit"""
)

# Descriptions of government bodies, resolved against the country in context:
# ("China", "securities regulator") -> "China Securities Regulatory Commission".
GOVERNMENT_DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("China", "securities regulator"): "China Securities Regulatory Commission",
    ("China", "securities watchdog"): "China Securities Regulatory Commission",
    ("China", "stock regulator"): "China Securities Regulatory Commission",
    ("China", "market regulator"): "State Administration for Market Regulation",
    ("China", "antitrust regulator"): "State Administration for Market Regulation",
    ("China", "market watchdog"): "State Administration for Market Regulation",
    ("China", "cyberspace regulator"): "Cyberspace Administration of China",
    ("China", "cyberspace watchdog"): "Cyberspace Administration of China",
    ("China", "internet regulator"): "Cyberspace Administration of China",
    ("China", "internet watchdog"): "Cyberspace Administration of China",
    ("China", "central bank"): "People's Bank of China",
    ("China", "banking regulator"): "National Financial Regulatory Administration",
    ("China", "financial regulator"): "National Financial Regulatory Administration",
    ("China", "insurance regulator"): "National Financial Regulatory Administration",
    ("China", "commerce ministry"): "Ministry of Commerce",
    ("China", "ministry of commerce"): "Ministry of Commerce",
    ("China", "trade ministry"): "Ministry of Commerce",
    ("China", "foreign ministry"): "Ministry of Foreign Affairs",
    ("China", "finance ministry"): "Ministry of Finance",
    ("China", "industry ministry"): "Ministry of Industry and Information Technology",
    ("China", "customs"): "General Administration of Customs",
    ("China", "customs authority"): "General Administration of Customs",
    ("China", "customs agency"): "General Administration of Customs",
    ("China", "customs office"): "General Administration of Customs",
    ("China", "top economic planner"): "National Development and Reform Commission",
    ("China", "state planner"): "National Development and Reform Commission",
    ("China", "economic planner"): "National Development and Reform Commission",
    ("China", "cabinet"): "State Council",
    ("China", "statistics bureau"): "National Bureau of Statistics",
    (
        "China",
        "state asset regulator",
    ): "State-owned Assets Supervision and Administration Commission",
    ("China", "foreign exchange regulator"): "State Administration of Foreign Exchange",
    ("China", "tax authority"): "State Taxation Administration",
    ("China", "energy regulator"): "National Energy Administration",
    ("United States", "commerce department"): "US Department of Commerce",
    ("United States", "treasury"): "US Department of the Treasury",
    ("United States", "treasury department"): "US Department of the Treasury",
    ("United States", "central bank"): "Federal Reserve",
    ("United States", "securities regulator"): "US Securities and Exchange Commission",
    ("United States", "trade representative"): "Office of the United States Trade Representative",
    ("European Union", "executive arm"): "European Commission",
    ("European Union", "commission"): "European Commission",
    ("Japan", "central bank"): "Bank of Japan",
    ("Hong Kong", "securities regulator"): "Securities and Futures Commission",
    ("Hong Kong", "de facto central bank"): "Hong Kong Monetary Authority",
    ("Hong Kong", "central bank"): "Hong Kong Monetary Authority",
    ("Hong Kong", "stock exchange"): "Hong Kong Stock Exchange",
}
