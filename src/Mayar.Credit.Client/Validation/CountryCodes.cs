using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>ISO 3166-1 alpha-2 codes with English short names, for validation and "did you mean" hints.</summary>
public static class CountryCodes
{
    // Code:Name pairs, the officially assigned alpha-2 elements.
    private const string Table =
        "AD:Andorra|AE:United Arab Emirates|AF:Afghanistan|AG:Antigua and Barbuda|AI:Anguilla|AL:Albania|AM:Armenia|AO:Angola|AQ:Antarctica|AR:Argentina|" +
        "AS:American Samoa|AT:Austria|AU:Australia|AW:Aruba|AX:Aland Islands|AZ:Azerbaijan|BA:Bosnia and Herzegovina|BB:Barbados|BD:Bangladesh|BE:Belgium|" +
        "BF:Burkina Faso|BG:Bulgaria|BH:Bahrain|BI:Burundi|BJ:Benin|BL:Saint Barthelemy|BM:Bermuda|BN:Brunei Darussalam|BO:Bolivia|BQ:Bonaire, Sint Eustatius and Saba|" +
        "BR:Brazil|BS:Bahamas|BT:Bhutan|BV:Bouvet Island|BW:Botswana|BY:Belarus|BZ:Belize|CA:Canada|CC:Cocos (Keeling) Islands|CD:Congo, Democratic Republic of the|" +
        "CF:Central African Republic|CG:Congo|CH:Switzerland|CI:Cote d'Ivoire|CK:Cook Islands|CL:Chile|CM:Cameroon|CN:China|CO:Colombia|CR:Costa Rica|" +
        "CU:Cuba|CV:Cabo Verde|CW:Curacao|CX:Christmas Island|CY:Cyprus|CZ:Czechia|DE:Germany|DJ:Djibouti|DK:Denmark|DM:Dominica|" +
        "DO:Dominican Republic|DZ:Algeria|EC:Ecuador|EE:Estonia|EG:Egypt|EH:Western Sahara|ER:Eritrea|ES:Spain|ET:Ethiopia|FI:Finland|" +
        "FJ:Fiji|FK:Falkland Islands (Malvinas)|FM:Micronesia|FO:Faroe Islands|FR:France|GA:Gabon|GB:United Kingdom|GD:Grenada|GE:Georgia|GF:French Guiana|" +
        "GG:Guernsey|GH:Ghana|GI:Gibraltar|GL:Greenland|GM:Gambia|GN:Guinea|GP:Guadeloupe|GQ:Equatorial Guinea|GR:Greece|GS:South Georgia and the South Sandwich Islands|" +
        "GT:Guatemala|GU:Guam|GW:Guinea-Bissau|GY:Guyana|HK:Hong Kong|HM:Heard Island and McDonald Islands|HN:Honduras|HR:Croatia|HT:Haiti|HU:Hungary|" +
        "ID:Indonesia|IE:Ireland|IL:Israel|IM:Isle of Man|IN:India|IO:British Indian Ocean Territory|IQ:Iraq|IR:Iran|IS:Iceland|IT:Italy|" +
        "JE:Jersey|JM:Jamaica|JO:Jordan|JP:Japan|KE:Kenya|KG:Kyrgyzstan|KH:Cambodia|KI:Kiribati|KM:Comoros|KN:Saint Kitts and Nevis|" +
        "KP:Korea, Democratic People's Republic of|KR:Korea, Republic of|KW:Kuwait|KY:Cayman Islands|KZ:Kazakhstan|LA:Lao People's Democratic Republic|LB:Lebanon|LC:Saint Lucia|LI:Liechtenstein|LK:Sri Lanka|" +
        "LR:Liberia|LS:Lesotho|LT:Lithuania|LU:Luxembourg|LV:Latvia|LY:Libya|MA:Morocco|MC:Monaco|MD:Moldova|ME:Montenegro|" +
        "MF:Saint Martin (French part)|MG:Madagascar|MH:Marshall Islands|MK:North Macedonia|ML:Mali|MM:Myanmar|MN:Mongolia|MO:Macao|MP:Northern Mariana Islands|MQ:Martinique|" +
        "MR:Mauritania|MS:Montserrat|MT:Malta|MU:Mauritius|MV:Maldives|MW:Malawi|MX:Mexico|MY:Malaysia|MZ:Mozambique|NA:Namibia|" +
        "NC:New Caledonia|NE:Niger|NF:Norfolk Island|NG:Nigeria|NI:Nicaragua|NL:Netherlands|NO:Norway|NP:Nepal|NR:Nauru|NU:Niue|" +
        "NZ:New Zealand|OM:Oman|PA:Panama|PE:Peru|PF:French Polynesia|PG:Papua New Guinea|PH:Philippines|PK:Pakistan|PL:Poland|PM:Saint Pierre and Miquelon|" +
        "PN:Pitcairn|PR:Puerto Rico|PS:Palestine|PT:Portugal|PW:Palau|PY:Paraguay|QA:Qatar|RE:Reunion|RO:Romania|RS:Serbia|" +
        "RU:Russian Federation|RW:Rwanda|SA:Saudi Arabia|SB:Solomon Islands|SC:Seychelles|SD:Sudan|SE:Sweden|SG:Singapore|SH:Saint Helena, Ascension and Tristan da Cunha|SI:Slovenia|" +
        "SJ:Svalbard and Jan Mayen|SK:Slovakia|SL:Sierra Leone|SM:San Marino|SN:Senegal|SO:Somalia|SR:Suriname|SS:South Sudan|ST:Sao Tome and Principe|SV:El Salvador|" +
        "SX:Sint Maarten (Dutch part)|SY:Syrian Arab Republic|SZ:Eswatini|TC:Turks and Caicos Islands|TD:Chad|TF:French Southern Territories|TG:Togo|TH:Thailand|TJ:Tajikistan|TK:Tokelau|" +
        "TL:Timor-Leste|TM:Turkmenistan|TN:Tunisia|TO:Tonga|TR:Turkiye|TT:Trinidad and Tobago|TV:Tuvalu|TW:Taiwan|TZ:Tanzania|UA:Ukraine|" +
        "UG:Uganda|UM:United States Minor Outlying Islands|US:United States|UY:Uruguay|UZ:Uzbekistan|VA:Holy See|VC:Saint Vincent and the Grenadines|VE:Venezuela|VG:Virgin Islands (British)|VI:Virgin Islands (U.S.)|" +
        "VN:Viet Nam|VU:Vanuatu|WF:Wallis and Futuna|WS:Samoa|YE:Yemen|YT:Mayotte|ZA:South Africa|ZM:Zambia|ZW:Zimbabwe";

    // Other names people type for a country, mapped to its code.
    private const string Aliases =
        "USA:US|United States of America:US|America:US|UK:GB|Great Britain:GB|Britain:GB|England:GB|Scotland:GB|Wales:GB|Northern Ireland:GB|" +
        "South Korea:KR|Korea:KR|North Korea:KP|Russia:RU|Vietnam:VN|Laos:LA|Syria:SY|Iran, Islamic Republic of:IR|Tanzania, United Republic of:TZ|" +
        "Czech Republic:CZ|Turkey:TR|Macedonia:MK|Swaziland:SZ|Ivory Coast:CI|Cape Verde:CV|Burma:MM|East Timor:TL|Brunei:BN|Vatican:VA|" +
        "Vatican City:VA|Holland:NL|The Netherlands:NL|Republic of Korea:KR|DR Congo:CD|DRC:CD|Democratic Republic of the Congo:CD|Republic of the Congo:CG|UAE:AE|Emirates:AE|" +
        "Palestine, State of:PS|Bolivia, Plurinational State of:BO|Venezuela, Bolivarian Republic of:VE|Moldova, Republic of:MD|Micronesia, Federated States of:FM|Taiwan, Province of China:TW|Hong Kong SAR:HK|Macau:MO|" +
        "IDN:ID|MYS:MY|SGP:SG|TZA:TZ|GBR:GB|AUS:AU|JPN:JP|CHN:CN|IND:IN|PHL:PH|THA:TH|VNM:VN|DEU:DE|FRA:FR|NLD:NL|CAN:CA|KEN:KE|NGA:NG|ZAF:ZA|BRA:BR|MEX:MX";

    private static readonly Dictionary<string, string> NamesByCode = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> CodesByName = new(StringComparer.OrdinalIgnoreCase);

    static CountryCodes()
    {
        foreach (var pair in Table.Split('|'))
        {
            var colon = pair.IndexOf(':');
            var code = pair.Substring(0, colon);
            var name = pair.Substring(colon + 1);
            NamesByCode[code] = name;
            CodesByName[name] = code;
        }

        foreach (var pair in Aliases.Split('|'))
        {
            var colon = pair.LastIndexOf(':');
            CodesByName[pair.Substring(0, colon)] = pair.Substring(colon + 1);
        }
    }

    /// <summary>Every assigned code, e.g. "ID", "TZ".</summary>
    public static IEnumerable<string> All => NamesByCode.Keys;

    /// <summary>True when <paramref name="code"/> (upper case) is an assigned alpha-2 code.</summary>
    public static bool IsAssigned(string code) => NamesByCode.ContainsKey(code);

    /// <summary>The English short name of a code, or null.</summary>
    public static string? NameOf(string code) => NamesByCode.TryGetValue(code, out var name) ? name : null;

    /// <summary>The code a country name, alias or alpha-3 code stands for, or null.</summary>
    public static string? FindCodeByName(string name) => CodesByName.TryGetValue(name.Trim(), out var code) ? code : null;
}
