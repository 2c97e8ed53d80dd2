"""Places the extractor knows without a registry: countries, their demonyms and
capitals, Chinese provinces and cities, other major cities and regions.

Kept as compact tables (``"Name|alias|alias"``) because they are general world
knowledge, not project data: a user's registry can still add or override places.
"""

from __future__ import annotations

from dataclasses import dataclass

from sinograph.graph.model.ontology import EntityType

__all__ = [
    "CAPITAL_OF",
    "city_of_market",
    "COUNTRY_OF_DEMONYM",
    "EXCHANGE_OF_CITY",
    "OTHER_VENUES_OF_CITY",
    "Place",
    "PLACES",
    "REGION_COUNTRY",
]


@dataclass(frozen=True, slots=True)
class Place:
    """A known place: canonical name, label, surface forms and the country it lies in."""

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    country: str | None = None


# Country name | aliases ; demonyms (adjectives, as written before a noun)
# fmt: off
_COUNTRIES = """
China|PRC|People's Republic of China|Chinese mainland|mainland China|the mainland;Chinese
Hong Kong|HK|Hong Kong SAR|HKSAR;Hong Kong|HK
Macau|Macao;Macanese
Taiwan;Taiwanese
United States|US|U.S.|USA|U.S.A.|United States of America|America;American|US|U.S.
United Kingdom|UK|U.K.|Britain|Great Britain;British|UK|Scottish|Welsh
Japan;Japanese
South Korea|Korea|Republic of Korea;South Korean|Korean
North Korea|DPRK;North Korean
India;Indian
Indonesia;Indonesian
Malaysia;Malaysian
Singapore;Singaporean
Thailand;Thai
Vietnam|Viet Nam;Vietnamese
Philippines|the Philippines;Philippine|Filipino
Cambodia;Cambodian
Laos;Lao|Laotian
Myanmar|Burma;Myanmar|Burmese
Bangladesh;Bangladeshi
Pakistan;Pakistani
Sri Lanka;Sri Lankan
Nepal;Nepali|Nepalese
Mongolia;Mongolian
Kazakhstan;Kazakh|Kazakhstani
Kyrgyzstan;Kyrgyz
Tajikistan;Tajik
Uzbekistan;Uzbek
Turkmenistan;Turkmen
Afghanistan;Afghan
Iran;Iranian
Iraq;Iraqi
Israel;Israeli
Saudi Arabia;Saudi
United Arab Emirates|UAE;Emirati
Qatar;Qatari
Kuwait;Kuwaiti
Oman;Omani
Bahrain;Bahraini
Jordan;Jordanian
Lebanon;Lebanese
Syria;Syrian
Yemen;Yemeni
Turkey|Turkiye|Türkiye;Turkish
Egypt;Egyptian
Russia|Russian Federation;Russian
Ukraine;Ukrainian
Belarus;Belarusian
Germany;German
France;French
Italy;Italian
Spain;Spanish
Portugal;Portuguese
Netherlands|the Netherlands|Holland;Dutch
Belgium;Belgian
Luxembourg;Luxembourgish
Switzerland;Swiss
Austria;Austrian
Ireland;Irish
Denmark;Danish
Sweden;Swedish
Norway;Norwegian
Finland;Finnish
Iceland;Icelandic
Poland;Polish
Czech Republic|Czechia;Czech
Slovakia;Slovak
Hungary;Hungarian
Romania;Romanian
Bulgaria;Bulgarian
Greece;Greek
Serbia;Serbian
Croatia;Croatian
Slovenia;Slovenian
Estonia;Estonian
Latvia;Latvian
Lithuania;Lithuanian
Georgia;Georgian
Armenia;Armenian
Azerbaijan;Azerbaijani
Canada;Canadian
Mexico;Mexican
Brazil;Brazilian
Argentina;Argentine|Argentinian
Chile;Chilean
Peru;Peruvian
Colombia;Colombian
Venezuela;Venezuelan
Ecuador;Ecuadorian
Bolivia;Bolivian
Uruguay;Uruguayan
Paraguay;Paraguayan
Panama;Panamanian
Cuba;Cuban
Australia;Australian
New Zealand;New Zealand
Papua New Guinea;Papua New Guinean
Fiji;Fijian
South Africa;South African
Nigeria;Nigerian
Kenya;Kenyan
Ethiopia;Ethiopian
Ghana;Ghanaian
Tanzania;Tanzanian
Uganda;Ugandan
Zambia;Zambian
Zimbabwe;Zimbabwean
Angola;Angolan
Mozambique;Mozambican
Democratic Republic of Congo|DR Congo|DRC|Democratic Republic of the Congo;Congolese
Morocco;Moroccan
Algeria;Algerian
Tunisia;Tunisian
Libya;Libyan
Sudan;Sudanese
Senegal;Senegalese
Namibia;Namibian
Botswana;Botswanan
Guinea;Guinean
Mali;Malian
Niger;Nigerien
Madagascar;Malagasy
Brunei;Bruneian
Maldives;Maldivian
European Union|EU|E.U.;European Union|EU
"""
# fmt: on

# Capitals and seats of government, used as metonyms ("Beijing said...").
CAPITAL_OF: dict[str, str] = {
    "Beijing": "China", "Washington": "United States", "Tokyo": "Japan",
    "Seoul": "South Korea", "Moscow": "Russia", "Brussels": "European Union",
    "London": "United Kingdom", "Paris": "France", "Berlin": "Germany",
    "New Delhi": "India", "Canberra": "Australia", "Ottawa": "Canada",
    "Taipei": "Taiwan", "Hanoi": "Vietnam", "Jakarta": "Indonesia",
    "Kuala Lumpur": "Malaysia", "Bangkok": "Thailand", "Manila": "Philippines",
    "Astana": "Kazakhstan", "Islamabad": "Pakistan", "Tehran": "Iran",
    "Riyadh": "Saudi Arabia", "Ankara": "Turkey", "Madrid": "Spain", "Rome": "Italy",
    "The Hague": "Netherlands", "Brasilia": "Brazil", "Pretoria": "South Africa",
    "Pyongyang": "North Korea", "Kyiv": "Ukraine", "Mexico City": "Mexico",
}  # fmt: skip

# Chinese provinces, autonomous regions and big cities; regions elsewhere.
# fmt: off
_CHINA_REGIONS = """
Beijing|Shanghai|Tianjin|Chongqing|Guangdong|Jiangsu|Zhejiang|Shandong|Henan|Sichuan|Hubei
Hunan|Hebei|Fujian|Anhui|Liaoning|Shaanxi|Jiangxi|Yunnan|Guangxi|Shanxi|Guizhou|Jilin
Heilongjiang|Inner Mongolia|Xinjiang|Gansu|Hainan|Ningxia|Qinghai|Tibet|Shenzhen|Guangzhou
Hangzhou|Nanjing|Wuhan|Chengdu|Xi'an|Suzhou|Dongguan|Foshan|Ningbo|Xiamen|Qingdao|Dalian
Shenyang|Changsha|Zhengzhou|Hefei|Jinan|Fuzhou|Kunming|Nanning|Harbin|Changchun|Shijiazhuang
Taiyuan|Nanchang|Guiyang|Lanzhou|Urumqi|Hohhot|Yinchuan|Xining|Lhasa|Haikou|Sanya|Zhuhai
Wuxi|Changzhou|Nantong|Wenzhou|Shaoxing|Jiaxing|Huizhou|Zhongshan|Yantai|Weifang|Tangshan
Baotou|Ordos|Luoyang|Yichang|Xiangyang|Zhuzhou|Ganzhou|Quanzhou|Shantou|Jiangmen|Zhanjiang
Kashgar|Yiwu|Kunshan|Pudong|Lingang|Xiong'an|Hengqin|Qianhai|Nansha|Greater Bay Area
Yangtze River Delta|Pearl River Delta|Zhongguancun
"""

_WORLD_REGIONS = """
Asia|Europe|Africa|North America|South America|Latin America|Oceania|Middle East|Central Asia
Southeast Asia|South Asia|East Asia|Asia-Pacific|Asia Pacific|Western Europe|Eastern Europe
Central Europe|Northern Europe|Southern Europe|Gulf|Persian Gulf|Scandinavia|Balkans
Sub-Saharan Africa|West Africa|East Africa|North Africa|Caribbean|Pacific|Arctic|Siberia
Silicon Valley|Wall Street
"""

# City or state|country
_CITIES = """
New York|United States;California|United States;Texas|United States;Idaho|United States
Washington State|United States;Florida|United States;Nevada|United States;Arizona|United States
Michigan|United States;Ohio|United States;Illinois|United States;Georgia State|United States
Massachusetts|United States;Oregon|United States;Delaware|United States;Virginia|United States
North Carolina|United States;South Carolina|United States;Tennessee|United States
Kentucky|United States;Indiana|United States;Pennsylvania|United States
New Jersey|United States;Colorado|United States;Utah|United States;Alabama|United States
Louisiana|United States;Minnesota|United States;Wisconsin|United States;Missouri|United States
San Francisco|United States;Los Angeles|United States;Seattle|United States
Chicago|United States;Boston|United States;Houston|United States;Austin|United States
Dallas|United States;Detroit|United States;Atlanta|United States;Miami|United States
San Jose|United States;Cupertino|United States;Palo Alto|United States;Redmond|United States
Mountain View|United States;Menlo Park|United States;Santa Clara|United States
Boise|United States;Phoenix|United States;Denver|United States;Las Vegas|United States
Ontario|Canada;Quebec|Canada;British Columbia|Canada;Alberta|Canada;Toronto|Canada
Vancouver|Canada;Montreal|Canada
Osaka|Japan;Fukushima|Japan;Nagoya|Japan;Yokohama|Japan;Kyoto|Japan;Hokkaido|Japan
Okinawa|Japan;Kobe|Japan;Busan|South Korea;Incheon|South Korea
Mumbai|India;Bangalore|India;Bengaluru|India;Chennai|India;Hyderabad|India;Delhi|India
Ho Chi Minh City|Vietnam;Haiphong|Vietnam;Penang|Malaysia;Johor|Malaysia;Sabah|Malaysia
Batam|Indonesia;Bali|Indonesia;Sulawesi|Indonesia;Java|Indonesia;Sumatra|Indonesia
Kalimantan|Indonesia;Morowali|Indonesia;Almaty|Kazakhstan;Bishkek|Kyrgyzstan
Dushanbe|Tajikistan;Tashkent|Uzbekistan;Karachi|Pakistan;Lahore|Pakistan;Gwadar|Pakistan
Dubai|United Arab Emirates;Abu Dhabi|United Arab Emirates;Doha|Qatar;Jeddah|Saudi Arabia
Istanbul|Turkey;St Petersburg|Russia;Vladivostok|Russia
Munich|Germany;Frankfurt|Germany;Hamburg|Germany;Stuttgart|Germany;Wolfsburg|Germany
Bavaria|Germany;Saxony|Germany;Thuringia|Germany;Lower Saxony|Germany;Dusseldorf|Germany
Cologne|Germany;Leipzig|Germany;Dresden|Germany;Erfurt|Germany
Lyon|France;Marseille|France;Toulouse|France;Dunkirk|France;Normandy|France
Milan|Italy;Turin|Italy;Barcelona|Spain;Zaragoza|Spain;Valencia|Spain;Seville|Spain
Catalonia|Spain;Aragon|Spain;Lisbon|Portugal;Porto|Portugal;Sines|Portugal
Amsterdam|Netherlands;Rotterdam|Netherlands;Eindhoven|Netherlands;Veldhoven|Netherlands
Antwerp|Belgium;Geneva|Switzerland;Zurich|Switzerland;Vienna|Austria;Dublin|Ireland
Copenhagen|Denmark;Stockholm|Sweden;Gothenburg|Sweden;Oslo|Norway;Helsinki|Finland
Warsaw|Poland;Budapest|Hungary;Debrecen|Hungary;Szeged|Hungary;Prague|Czech Republic
Bucharest|Romania;Athens|Greece;Piraeus|Greece;Belgrade|Serbia;Manchester|United Kingdom
Edinburgh|United Kingdom;Scotland|United Kingdom;Wales|United Kingdom;England|United Kingdom
Sydney|Australia;Melbourne|Australia;Perth|Australia;Brisbane|Australia
Western Australia|Australia;Queensland|Australia;New South Wales|Australia;Auckland|New Zealand
Sao Paulo|Brazil;Rio de Janeiro|Brazil;Buenos Aires|Argentina;Santiago|Chile;Lima|Peru
Bogota|Colombia;Monterrey|Mexico;Nuevo Leon|Mexico;Johannesburg|South Africa
Cape Town|South Africa;Lagos|Nigeria;Nairobi|Kenya;Addis Ababa|Ethiopia;Cairo|Egypt
Casablanca|Morocco;Tangier|Morocco;Katanga|Democratic Republic of Congo;Kowloon|Hong Kong
Lantau|Hong Kong;Hsinchu|Taiwan;Kaohsiung|Taiwan;Taichung|Taiwan;Tainan|Taiwan
"""
# fmt: on

# Trading venues named by their city ("a Hong Kong IPO", "listed in Shanghai").
EXCHANGE_OF_CITY: dict[str, str] = {
    "Hong Kong": "Hong Kong Stock Exchange",
    "Shanghai": "Shanghai Stock Exchange",
    "Shenzhen": "Shenzhen Stock Exchange",
    "Beijing": "Beijing Stock Exchange",
    "New York": "New York Stock Exchange",
    "London": "London Stock Exchange",
    "Singapore": "Singapore Exchange",
    "Tokyo": "Tokyo Stock Exchange",
}



def city_of_market(name: str) -> str | None:
    """The city a market is named for, when the city has an exchange ("Hong Kong stocks",
    "the Hong Kong IPO market").

    >>> city_of_market("Hong Kong stocks"), city_of_market("Asian equities")
    ('Hong Kong', None)
    """
    return next((city for city in EXCHANGE_OF_CITY if name.startswith(city + " ")), None)


# Other venues in a city: "its New York debut" is on the Nasdaq when the story names it.
OTHER_VENUES_OF_CITY: dict[str, tuple[str, ...]] = {
    "New York": ("Nasdaq",),
    "Shanghai": ("STAR Market",),
    "Shenzhen": ("ChiNext",),
}


def _build() -> tuple[list[Place], dict[str, str], dict[str, str]]:
    places: list[Place] = []
    demonyms: dict[str, str] = {}
    region_country: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        names, _, adjectives = line.partition(";")
        name, *aliases = names.split("|")
        places.append(Place(name, EntityType.COUNTRY, tuple(aliases), name))
        for adjective in adjectives.split("|"):
            if adjective:
                demonyms.setdefault(adjective, name)
    seen = {p.name for p in places}
    for block, country in ((_CHINA_REGIONS, "China"), (_WORLD_REGIONS, None)):
        for line in block.strip().splitlines():
            for name in line.split("|"):
                if name and name not in seen:
                    seen.add(name)
                    places.append(Place(name, EntityType.REGION, (), country))
                    if country:
                        region_country[name] = country
    for line in _CITIES.strip().splitlines():
        for item in line.split(";"):
            name, _, country = item.partition("|")
            if name and name not in seen:
                seen.add(name)
                places.append(Place(name, EntityType.REGION, (), country or None))
                if country:
                    region_country[name] = country
    for city, country in CAPITAL_OF.items():
        if city not in seen:
            seen.add(city)
            places.append(Place(city, EntityType.REGION, (), country))
        region_country.setdefault(city, country)
    return places, demonyms, region_country


PLACES, COUNTRY_OF_DEMONYM, REGION_COUNTRY = _build()
