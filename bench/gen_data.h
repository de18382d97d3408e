/* Static word lists and reference tables for kehu-gen (bench/gen.c).
 * Everything here is invented demo data: city districts and postal codes are
 * real-looking, company trade names (字号) are common auspicious words, and
 * no real brand or company is meant. */
#ifndef KEHU_GEN_DATA_H
#define KEHU_GEN_DATA_H

/* ---- regions ------------------------------------------------------------ */
typedef struct {
  const char *code, *zh, *en;
  double weight; /* share of customers */
} region_def;

static const region_def REGIONS[] = {
  {"huadong",  "华东", "East China",    30},
  {"huabei",   "华北", "North China",   15},
  {"huanan",   "华南", "South China",   18},
  {"huazhong", "华中", "Central China", 12},
  {"xinan",    "西南", "Southwest",     12},
  {"xibei",    "西北", "Northwest",      6},
  {"dongbei",  "东北", "Northeast",      7},
};
#define N_REGIONS ((int)(sizeof REGIONS / sizeof REGIONS[0]))

/* ---- cities ------------------------------------------------------------- */
#define MAX_DISTRICTS 7
typedef struct {
  int region;              /* index into REGIONS */
  const char *name;        /* 杭州 */
  const char *py;          /* hangzhou: e-mail domains */
  const char *abbr;        /* hz */
  const char *area;        /* landline area code, 0571 */
  double weight;
  const char *district[MAX_DISTRICTS];
  int postal[MAX_DISTRICTS];
} city_def;

static const city_def CITIES[] = {
  /* 华东 */
  {0, "上海", "shanghai", "sh", "021", 10,
   {"浦东新区", "徐汇区", "闵行区", "静安区", "普陀区", "宝山区"},
   {200120, 200030, 201100, 200040, 200333, 201900}},
  {0, "杭州", "hangzhou", "hz", "0571", 7,
   {"西湖区", "拱墅区", "上城区", "滨江区", "萧山区", "余杭区"},
   {310012, 310011, 310002, 310051, 311200, 311100}},
  {0, "南京", "nanjing", "nj", "025", 6,
   {"玄武区", "鼓楼区", "秦淮区", "建邺区", "江宁区"},
   {210018, 210009, 210001, 210019, 211100}},
  {0, "苏州", "suzhou", "suz", "0512", 6,
   {"姑苏区", "吴中区", "相城区", "虎丘区", "吴江区"},
   {215008, 215100, 215131, 215011, 215200}},
  {0, "宁波", "ningbo", "nb", "0574", 4,
   {"海曙区", "鄞州区", "江北区", "北仑区"},
   {315010, 315100, 315020, 315800}},
  {0, "合肥", "hefei", "hf", "0551", 4,
   {"蜀山区", "庐阳区", "包河区", "瑶海区"},
   {230031, 230001, 230041, 230011}},
  {0, "济南", "jinan", "jn", "0531", 4,
   {"历下区", "市中区", "槐荫区", "天桥区"},
   {250014, 250001, 250117, 250031}},
  {0, "青岛", "qingdao", "qd", "0532", 4,
   {"市南区", "市北区", "黄岛区", "李沧区", "城阳区"},
   {266001, 266011, 266500, 266041, 266109}},
  {0, "福州", "fuzhou", "fz", "0591", 3,
   {"鼓楼区", "台江区", "仓山区", "晋安区"},
   {350001, 350004, 350007, 350011}},
  {0, "厦门", "xiamen", "xm", "0592", 3,
   {"思明区", "湖里区", "集美区", "海沧区"},
   {361001, 361006, 361021, 361026}},
  {0, "南昌", "nanchang", "nc", "0791", 3,
   {"东湖区", "西湖区", "青山湖区", "红谷滩区"},
   {330006, 330009, 330029, 330038}},
  {0, "无锡", "wuxi", "wx", "0510", 3,
   {"梁溪区", "滨湖区", "新吴区", "锡山区"},
   {214001, 214071, 214028, 214101}},
  /* 华北 */
  {1, "北京", "beijing", "bj", "010", 10,
   {"朝阳区", "海淀区", "丰台区", "东城区", "西城区", "大兴区", "通州区"},
   {100020, 100080, 100071, 100010, 100032, 102600, 101100}},
  {1, "天津", "tianjin", "tj", "022", 5,
   {"和平区", "河西区", "南开区", "河北区", "滨海新区"},
   {300041, 300202, 300100, 300143, 300450}},
  {1, "石家庄", "shijiazhuang", "sjz", "0311", 3,
   {"长安区", "桥西区", "新华区", "裕华区"},
   {50011, 50051, 50061, 50031}},
  {1, "太原", "taiyuan", "ty", "0351", 3,
   {"小店区", "迎泽区", "杏花岭区", "万柏林区"},
   {30032, 30001, 30009, 30024}},
  {1, "呼和浩特", "huhehaote", "hhht", "0471", 2,
   {"新城区", "回民区", "赛罕区", "玉泉区"},
   {10010, 10030, 10020, 10050}},
  {1, "唐山", "tangshan", "ts", "0315", 2,
   {"路南区", "路北区", "丰润区"},
   {63017, 63000, 64000}},
  {1, "保定", "baoding", "bd", "0312", 2,
   {"竞秀区", "莲池区", "满城区"},
   {71051, 71000, 72150}},
  /* 华南 */
  {2, "广州", "guangzhou", "gz", "020", 9,
   {"天河区", "越秀区", "海珠区", "白云区", "番禺区", "荔湾区"},
   {510630, 510030, 510220, 510405, 511400, 510140}},
  {2, "深圳", "shenzhen", "sz", "0755", 9,
   {"福田区", "南山区", "罗湖区", "宝安区", "龙岗区", "龙华区"},
   {518048, 518052, 518001, 518101, 518172, 518109}},
  {2, "东莞", "dongguan", "dg", "0769", 4,
   {"南城街道", "东城街道", "长安镇", "虎门镇"},
   {523070, 523120, 523850, 523900}},
  {2, "佛山", "foshan", "fs", "0757", 4,
   {"禅城区", "南海区", "顺德区"},
   {528000, 528200, 528300}},
  {2, "南宁", "nanning", "nn", "0771", 3,
   {"青秀区", "兴宁区", "西乡塘区", "江南区"},
   {530022, 530023, 530001, 530031}},
  {2, "海口", "haikou", "hk", "0898", 2,
   {"龙华区", "美兰区", "秀英区"},
   {570105, 570203, 570311}},
  {2, "珠海", "zhuhai", "zh", "0756", 2,
   {"香洲区", "斗门区", "金湾区"},
   {519000, 519100, 519040}},
  /* 华中 */
  {3, "武汉", "wuhan", "wh", "027", 7,
   {"江汉区", "江岸区", "武昌区", "洪山区", "汉阳区"},
   {430015, 430010, 430060, 430070, 430050}},
  {3, "长沙", "changsha", "cs", "0731", 6,
   {"岳麓区", "芙蓉区", "天心区", "开福区", "雨花区"},
   {410006, 410011, 410004, 410005, 410007}},
  {3, "郑州", "zhengzhou", "zz", "0371", 6,
   {"金水区", "二七区", "中原区", "管城回族区"},
   {450003, 450052, 450007, 450000}},
  {3, "洛阳", "luoyang", "ly", "0379", 2,
   {"西工区", "涧西区", "老城区", "洛龙区"},
   {471000, 471003, 471002, 471023}},
  {3, "宜昌", "yichang", "yc", "0717", 2,
   {"西陵区", "伍家岗区", "点军区"},
   {443000, 443001, 443006}},
  {3, "株洲", "zhuzhou", "zhz", "0731", 2,
   {"天元区", "芦淞区", "荷塘区"},
   {412007, 412000, 412003}},
  /* 西南 */
  {4, "成都", "chengdu", "cd", "028", 9,
   {"锦江区", "青羊区", "武侯区", "成华区", "金牛区"},
   {610021, 610031, 610041, 610051, 610036}},
  {4, "重庆", "chongqing", "cq", "023", 8,
   {"渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区", "渝北区"},
   {400010, 400020, 400060, 400030, 400050, 401120}},
  {4, "昆明", "kunming", "km", "0871", 4,
   {"五华区", "盘龙区", "官渡区", "西山区"},
   {650031, 650051, 650200, 650100}},
  {4, "贵阳", "guiyang", "gy", "0851", 3,
   {"南明区", "云岩区", "观山湖区"},
   {550001, 550003, 550081}},
  {4, "绵阳", "mianyang", "my", "0816", 2,
   {"涪城区", "游仙区"},
   {621000, 621022}},
  /* 西北 */
  {5, "西安", "xian", "xa", "029", 8,
   {"雁塔区", "碑林区", "新城区", "莲湖区", "未央区"},
   {710061, 710001, 710004, 710003, 710016}},
  {5, "兰州", "lanzhou", "lz", "0931", 3,
   {"城关区", "七里河区", "安宁区"},
   {730030, 730050, 730070}},
  {5, "银川", "yinchuan", "ych", "0951", 2,
   {"兴庆区", "金凤区", "西夏区"},
   {750001, 750002, 750021}},
  {5, "西宁", "xining", "xn", "0971", 1.5,
   {"城东区", "城中区", "城西区"},
   {810007, 810000, 810001}},
  {5, "乌鲁木齐", "wulumuqi", "wlmq", "0991", 2,
   {"天山区", "沙依巴克区", "新市区"},
   {830002, 830000, 830011}},
  /* 东北 */
  {6, "沈阳", "shenyang", "sy", "024", 6,
   {"和平区", "沈河区", "皇姑区", "铁西区", "浑南区"},
   {110001, 110011, 110031, 110021, 110179}},
  {6, "大连", "dalian", "dl", "0411", 5,
   {"中山区", "西岗区", "沙河口区", "甘井子区"},
   {116001, 116011, 116021, 116033}},
  {6, "长春", "changchun", "cc", "0431", 4,
   {"朝阳区", "南关区", "宽城区", "绿园区"},
   {130012, 130022, 130051, 130062}},
  {6, "哈尔滨", "haerbin", "hrb", "0451", 5,
   {"南岗区", "道里区", "道外区", "香坊区"},
   {150001, 150010, 150020, 150036}},
  {6, "吉林", "jilin", "jl", "0432", 2,
   {"船营区", "昌邑区", "丰满区"},
   {132011, 132002, 132013}},
};
#define N_CITIES ((int)(sizeof CITIES / sizeof CITIES[0]))

static const char *const STREETS[] = {
  "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "黄河路",
  "文化路", "胜利路", "工业大道", "科技路", "滨江大道", "迎宾大道", "东风路", "青年路",
  "光明路", "幸福路", "学府路", "体育路", "友谊路", "健康路", "朝阳路", "北京路",
  "上海路", "延安路", "复兴路", "振兴路", "世纪大道", "环城东路", "环城西路", "南环路",
  "北环路", "站前路", "花园路", "桂花路", "梧桐路", "银杏路", "创业路", "高新大道",
  "民主路", "建国路", "团结路", "红旗路", "金桥路", "东湖路", "湖滨路", "沿江路",
};
#define N_STREETS ((int)(sizeof STREETS / sizeof STREETS[0]))

/* Sub-district (街道) name stems for organisations. */
static const char *const SUBDISTRICTS[] = {
  "城关", "东湖", "新华", "朝阳", "解放", "和平", "建设", "人民", "长青", "丽园",
  "明珠", "文化", "兴隆", "南苑", "北苑", "东城", "西城", "滨江", "花园", "桥东",
};
#define N_SUBDISTRICTS ((int)(sizeof SUBDISTRICTS / sizeof SUBDISTRICTS[0]))

static const char *const MARKETS[] = {
  "国际家居建材城", "家电城", "五金机电市场", "装饰材料市场", "建材批发市场",
};
#define N_MARKETS ((int)(sizeof MARKETS / sizeof MARKETS[0]))

/* ---- trade names (字号) -------------------------------------------------
 * Ordered from most to least common; gen.c weights them Zipf-like (1/(rank+8)),
 * and every fifth one has 华, so about one company name in five contains 华
 * (the fragment search is benchmarked on), with 泰, 鑫, 恒 … close behind, as
 * in a real company register. */
static const char *const ZIHAO[] = {
  "华泰", "宏达", "恒泰", "鑫源", "永兴", "锦华", "恒达", "鑫达", "金源", "宏泰",
  "新华", "恒信", "鑫盛", "永盛", "福源", "中华", "瑞祥", "嘉禾", "德盛", "宏盛",
  "华兴", "兴隆", "昌盛", "金泰", "恒通", "兴华", "通达", "顺达", "汇通", "广源",
  "宏华", "益康", "诚信", "利民", "永安", "鑫华", "安泰", "康泰", "泰和", "和信",
  "华盛", "佳美", "创新", "博远", "远航", "盛华", "凯达", "润泽", "锦程", "富源",
  "荣华", "科达", "鸿达", "鸿运", "鸿福", "华达", "众诚", "合力", "森源", "林泽",
  "恒华", "浩宇", "成达", "万隆", "万通", "嘉华", "家和", "乐家", "骏达", "豪泰",
  "瑞华", "力源", "方圆", "星辰", "阳光", "润华", "蓝天", "绿源", "青源", "鼎盛",
  "振华", "鼎泰", "龙腾", "百川", "川达", "德华", "玉泉", "元亨", "亨通", "贵和",
  "华信", "吉祥", "庆丰", "昊天", "睿达", "华源", "卓越", "驰航", "航宇", "春晖",
  "华美", "秋实", "雅居", "高远", "云峰", "华通", "山水", "清源", "清泉", "水源",
  "华宇", "碧泉", "源清", "康源", "润源", "华康", "恒源", "恒丰", "恒昌", "恒盛",
  "华鑫", "恒兴", "恒利", "恒安", "恒发", "华瑞", "恒辉", "恒远", "恒宇", "恒瑞",
  "华丰", "鑫泰", "鑫隆", "鑫宇", "鑫海", "华安", "鑫诚", "鑫旺", "鑫茂", "宏发",
  "华昌", "宏远", "宏图", "宏业", "宏运", "明华", "宏昌", "宏利", "宏鑫", "金盛",
  "耀华", "金鼎", "金达", "金桥", "金辉", "建华", "金丰", "金穗", "金利", "金诚",
  "伟华", "金阳", "瑞丰", "瑞达", "瑞昌", "富华", "瑞兴", "瑞鑫", "瑞和", "嘉信",
  "光华", "嘉诚", "嘉盛", "嘉裕", "嘉润", "海华", "德信", "德润", "德茂", "德丰",
  "天华", "德利", "德顺", "永达", "永利", "东华", "永泰", "永福", "永昌", "永丰",
  "亚华", "永顺", "兴达", "兴盛", "兴旺", "腾华", "兴业", "兴荣", "兴发", "昌达",
  "泰华", "昌隆", "昌荣", "福瑞", "福泰", "隆华", "福达", "福兴", "福鑫", "安达",
  "宝华", "安康", "安盛", "安信", "康达", "晟华", "康盛", "康宁", "天成", "天宇",
  "泽华", "天泽", "天润", "天瑞", "天信", "峰华", "天利", "中天", "中源", "中诚",
  "春华", "中达", "海峰", "海诚", "海盛", "晶华", "海润", "海川", "东方", "东升",
  "京华", "东盛", "东泰", "东源", "远达", "泉华", "博达", "博瑞", "博泰", "博信",
  "创达", "创盛", "创源", "创辉", "汇达", "汇泰", "汇鑫", "广达", "广盛", "广泰",
  "广信", "凯盛", "凯源", "凯旋", "润达", "润丰", "润兴", "益丰", "益民", "诚达",
  "诚泰", "诚鑫", "诚德", "明达", "明辉", "明泰", "明源", "腾达", "腾飞", "腾龙",
  "旺达", "宝丰", "宝隆", "宝通", "富达", "富泰", "富盛", "富强", "科宏", "科信",
  "正兴", "正通", "正信", "鸿泰", "鸿源", "鸿盛", "鸿鑫", "顺发", "顺泰", "顺兴",
  "顺通", "立达", "立新", "众信", "众鑫", "合盛", "合兴", "合众", "联盛", "联达",
  "蓝海", "银河", "长丰", "长兴", "佳和", "佳信", "信达", "信和", "祥和", "祥瑞",
};
#define N_ZIHAO ((int)(sizeof ZIHAO / sizeof ZIHAO[0]))

/* ---- people ------------------------------------------------------------- */
typedef struct { const char *s; double w; } wstr;

/* Surnames with rough frequency (per cent of the population). */
static const wstr SURNAMES[] = {
  {"王", 7.1}, {"李", 7.0}, {"张", 6.8}, {"刘", 5.4}, {"陈", 4.5}, {"杨", 3.1},
  {"黄", 2.2}, {"赵", 2.1}, {"吴", 2.0}, {"周", 1.9}, {"徐", 1.5}, {"孙", 1.5},
  {"马", 1.3}, {"朱", 1.3}, {"胡", 1.3}, {"郭", 1.2}, {"何", 1.2}, {"高", 1.1},
  {"林", 1.1}, {"罗", 1.1}, {"郑", 1.0}, {"梁", 1.0}, {"谢", 0.8}, {"宋", 0.8},
  {"唐", 0.8}, {"许", 0.7}, {"韩", 0.7}, {"冯", 0.7}, {"邓", 0.7}, {"曹", 0.7},
  {"彭", 0.6}, {"曾", 0.6}, {"肖", 0.6}, {"田", 0.6}, {"董", 0.6}, {"袁", 0.5},
  {"潘", 0.5}, {"于", 0.5}, {"蒋", 0.5}, {"蔡", 0.5}, {"余", 0.5}, {"杜", 0.5},
  {"叶", 0.5}, {"程", 0.5}, {"苏", 0.4}, {"魏", 0.4}, {"吕", 0.4}, {"丁", 0.4},
  {"任", 0.4}, {"沈", 0.4}, {"姚", 0.4}, {"卢", 0.4}, {"姜", 0.4}, {"崔", 0.4},
  {"钟", 0.4}, {"谭", 0.3}, {"陆", 0.3}, {"汪", 0.3}, {"范", 0.3}, {"金", 0.3},
  {"石", 0.3}, {"廖", 0.3}, {"贾", 0.3}, {"夏", 0.3}, {"韦", 0.3}, {"付", 0.3},
  {"方", 0.3}, {"白", 0.3}, {"邹", 0.3}, {"孟", 0.3}, {"熊", 0.3}, {"秦", 0.3},
  {"邱", 0.3}, {"江", 0.3}, {"尹", 0.3}, {"薛", 0.2}, {"闫", 0.2}, {"段", 0.2},
  {"雷", 0.2}, {"侯", 0.2}, {"龙", 0.2}, {"史", 0.2}, {"陶", 0.2}, {"黎", 0.2},
  {"贺", 0.2}, {"顾", 0.2}, {"毛", 0.2}, {"郝", 0.2}, {"龚", 0.2}, {"邵", 0.2},
  {"万", 0.2}, {"钱", 0.2}, {"严", 0.2}, {"覃", 0.1}, {"武", 0.2}, {"戴", 0.2},
  {"莫", 0.1}, {"孔", 0.1}, {"向", 0.1}, {"汤", 0.1}, {"欧阳", 0.05}, {"司马", 0.02},
};
#define N_SURNAMES ((int)(sizeof SURNAMES / sizeof SURNAMES[0]))

static const char *const GIVEN_M[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
  "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林",
  "阳", "建", "国", "志", "文", "海", "东", "峰", "亮", "成", "振", "兵", "晨", "博",
  "睿", "轩", "然", "泽", "晓", "永", "新", "春", "德", "忠", "立", "清", "庆",
  "胜", "学", "光", "荣", "彬", "毅", "锋", "鸣", "宏", "坤",
};
#define N_GIVEN_M ((int)(sizeof GIVEN_M / sizeof GIVEN_M[0]))

static const char *const GIVEN_F[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "玲", "桂", "兰", "红",
  "燕", "梅", "琳", "雪", "婷", "慧", "莉", "萍", "洁", "颖", "倩", "丹", "琴", "晶",
  "月", "欣", "怡", "佳", "蕾", "璐", "雯", "悦", "琪", "菲", "瑶", "婧", "思", "雨",
  "晓", "春", "凤", "翠", "莹", "玉", "珍",
};
#define N_GIVEN_F ((int)(sizeof GIVEN_F / sizeof GIVEN_F[0]))

/* Pinyin of every character used in surnames, given names and trade names,
 * for e-mail addresses ("字:pinyin" separated by spaces). gen.c checks at
 * start-up that nothing is missing. */
static const char PINYIN[] =
  "华:hua 泰:tai 宏:hong 达:da 恒:heng 鑫:xin 源:yuan 锦:jin 新:xin 中:zhong "
  "兴:xing 盛:sheng 永:yong 金:jin 荣:rong 嘉:jia 瑞:rui 润:run 振:zhen 德:de "
  "信:xin 美:mei 通:tong 宇:yu 康:kang 丰:feng 安:an 昌:chang 明:ming 耀:yao "
  "建:jian 伟:wei 富:fu 光:guang 海:hai 天:tian 东:dong 亚:ya 腾:teng 隆:long "
  "宝:bao 晟:sheng 泽:ze 峰:feng 春:chun 晶:jing 京:jing 福:fu 祥:xiang 禾:he "
  "顺:shun 汇:hui 广:guang 益:yi 诚:cheng 利:li 民:min 和:he 佳:jia 创:chuang "
  "博:bo 远:yuan 航:hang 凯:kai 程:cheng 科:ke 鸿:hong 运:yun 众:zhong 合:he "
  "力:li 森:sen 林:lin 浩:hao 成:cheng 万:wan 家:jia 乐:le 骏:jun 豪:hao "
  "方:fang 圆:yuan 星:xing 辰:chen 阳:yang 蓝:lan 绿:lv 青:qing 鼎:ding "
  "龙:long 百:bai 川:chuan 玉:yu 泉:quan 元:yuan 亨:heng 贵:gui 吉:ji 庆:qing "
  "昊:hao 睿:rui 卓:zhuo 越:yue 驰:chi 晖:hui 秋:qiu 实:shi 雅:ya 居:ju "
  "高:gao 云:yun 山:shan 水:shui 清:qing 碧:bi 发:fa 辉:hui 旺:wang 茂:mao "
  "图:tu 业:ye 桥:qiao 穗:sui 裕:yu 宁:ning 升:sheng 旋:xuan 飞:fei 强:qiang "
  "正:zheng 立:li 联:lian 银:yin 河:he 长:chang 王:wang 李:li 张:zhang 刘:liu "
  "陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu "
  "胡:hu 郭:guo 何:he 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu "
  "韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian 董:dong 袁:yuan "
  "潘:pan 于:yu 蒋:jiang 蔡:cai 余:yu 杜:du 叶:ye 苏:su 魏:wei 吕:lv "
  "丁:ding 任:ren 沈:shen 姚:yao 卢:lu 姜:jiang 崔:cui 钟:zhong 谭:tan 陆:lu "
  "汪:wang 范:fan 石:shi 廖:liao 贾:jia 夏:xia 韦:wei 付:fu 白:bai 邹:zou "
  "孟:meng 熊:xiong 秦:qin 邱:qiu 江:jiang 尹:yin 薛:xue 闫:yan 段:duan 雷:lei "
  "侯:hou 史:shi 陶:tao 黎:li 贺:he 顾:gu 毛:mao 郝:hao 龚:gong 邵:shao "
  "钱:qian 严:yan 覃:qin 武:wu 戴:dai 莫:mo 孔:kong 向:xiang 汤:tang 欧:ou "
  "司:si 磊:lei 军:jun 勇:yong 杰:jie 涛:tao 超:chao 刚:gang 平:ping 鹏:peng "
  "波:bo 斌:bin 俊:jun 帆:fan 旭:xu 国:guo 志:zhi 文:wen 亮:liang 兵:bing "
  "晨:chen 轩:xuan 然:ran 子:zi 晓:xiao 忠:zhong 胜:sheng 学:xue 彬:bin 毅:yi "
  "锋:feng 鸣:ming 坤:kun 芳:fang 娜:na 敏:min 静:jing 丽:li 艳:yan 娟:juan "
  "霞:xia 秀:xiu 英:ying 玲:ling 桂:gui 兰:lan 红:hong 燕:yan 梅:mei 琳:lin "
  "雪:xue 婷:ting 慧:hui 莉:li 萍:ping 洁:jie 颖:ying 倩:qian 丹:dan 琴:qin "
  "月:yue 欣:xin 怡:yi 蕾:lei 璐:lu 雯:wen 悦:yue 琪:qi 菲:fei 瑶:yao "
  "婧:jing 思:si 雨:yu 凤:feng 翠:cui 莹:ying 珍:zhen 健:jian ";

/* ---- product catalogue ---------------------------------------------------- */
typedef struct { const char *zh, *en; } category_def;
static const category_def CATEGORIES[] = {
  {"净水器", "Water purifiers"},
  {"厨房电器", "Kitchen appliances"},
  {"生活电器", "Home appliances"},
  {"滤芯耗材", "Filters & consumables"},
  {"配件", "Accessories"},
};
#define N_CATEGORIES ((int)(sizeof CATEGORIES / sizeof CATEGORIES[0]))

enum { BULK_APPLIANCE, BULK_COMMERCIAL, BULK_CONSUMABLE };
typedef struct {
  const char *code, *name;
  int category;      /* 1-based id into CATEGORIES */
  const char *unit;
  int price;         /* list price, yuan */
  int active;
  int bulk;          /* how it is bought: a few machines or boxes of filters */
  int w[3];          /* how often dealers / end customers / organisations buy it */
} product_def;

static const product_def PRODUCTS[] = {
  {"JS-R300",  "RO反渗透净水器 300G（老款）", 1, "台", 1699, 0, BULK_APPLIANCE,  {4, 1, 1}},
  {"JS-R400",  "RO反渗透净水器 400G",        1, "台", 2299, 1, BULK_APPLIANCE,  {30, 4, 3}},
  {"JS-R600",  "RO反渗透净水器 600G",        1, "台", 2999, 1, BULK_APPLIANCE,  {24, 4, 3}},
  {"JS-R800",  "厨下式大通量RO净水器 800G",  1, "台", 3899, 1, BULK_APPLIANCE,  {14, 3, 2}},
  {"JS-R1000", "商用RO净水机 1000G",         1, "台", 8800, 1, BULK_COMMERCIAL, {4, 14, 12}},
  {"JS-U200",  "家用超滤净水器 UF-200",      1, "台", 899,  1, BULK_APPLIANCE,  {12, 2, 1}},
  {"JS-T100",  "台上即热净饮一体机",         1, "台", 1899, 1, BULK_APPLIANCE,  {10, 8, 8}},
  {"JS-Q300",  "反冲洗前置过滤器",           1, "台", 599,  1, BULK_APPLIANCE,  {10, 2, 1}},
  {"JS-C50",   "全屋中央净水机",             1, "台", 6999, 1, BULK_COMMERCIAL, {5, 3, 1}},
  {"JS-G10",   "壁挂式管线机",               1, "台", 799,  1, BULK_APPLIANCE,  {10, 6, 5}},
  {"JS-K500",  "全屋软水机",                 1, "台", 5899, 1, BULK_COMMERCIAL, {4, 2, 1}},
  {"CF-S30",   "商用步进式电开水器 30L",     2, "台", 3280, 1, BULK_COMMERCIAL, {4, 14, 16}},
  {"CF-H17",   "智能恒温电水壶 1.7L",        2, "个", 229,  1, BULK_APPLIANCE,  {8, 3, 1}},
  {"CF-F40",   "IH电饭煲 4L",                2, "台", 599,  1, BULK_APPLIANCE,  {8, 1, 0}},
  {"CF-P18",   "破壁料理机",                 2, "台", 899,  1, BULK_APPLIANCE,  {6, 1, 0}},
  {"CF-Y50",   "智能电压力锅 5L",            2, "台", 469,  1, BULK_APPLIANCE,  {6, 1, 0}},
  {"CF-Z36",   "嵌入式蒸烤一体机 36L",       2, "台", 4599, 1, BULK_APPLIANCE,  {3, 1, 0}},
  {"CF-X08",   "嵌入式洗碗机 8套",           2, "台", 3599, 1, BULK_APPLIANCE,  {4, 2, 1}},
  {"CF-W23",   "变频微波炉 23L",             2, "台", 699,  1, BULK_APPLIANCE,  {6, 3, 2}},
  {"CF-C22",   "电磁炉 2200W",               2, "台", 299,  1, BULK_APPLIANCE,  {6, 2, 1}},
  {"CF-K45",   "空气炸锅 4.5L",              2, "台", 399,  1, BULK_APPLIANCE,  {8, 1, 0}},
  {"SH-A60",   "除甲醛空气净化器",           3, "台", 1999, 1, BULK_APPLIANCE,  {8, 6, 8}},
  {"SH-H40",   "无雾加湿器 4L",              3, "台", 459,  1, BULK_APPLIANCE,  {5, 2, 2}},
  {"SH-D22",   "家用除湿机 22L/天",          3, "台", 1699, 1, BULK_APPLIANCE,  {4, 2, 1}},
  {"SH-F14",   "直流变频落地扇",             3, "台", 329,  1, BULK_APPLIANCE,  {5, 2, 2}},
  {"SH-N20",   "暖风机 2000W",               3, "台", 269,  1, BULK_APPLIANCE,  {4, 2, 2}},
  {"SH-V15",   "无线手持吸尘器",             3, "台", 1499, 1, BULK_APPLIANCE,  {4, 1, 0}},
  {"SH-G18",   "蒸汽挂烫机",                 3, "台", 399,  1, BULK_APPLIANCE,  {3, 2, 0}},
  {"LX-PP5",   "PP棉滤芯 5微米",             4, "支", 39,   1, BULK_CONSUMABLE, {24, 14, 12}},
  {"LX-CTO",   "压缩活性炭滤芯",             4, "支", 59,   1, BULK_CONSUMABLE, {22, 12, 10}},
  {"LX-RO4",   "RO反渗透膜滤芯 400G",        4, "支", 459,  1, BULK_CONSUMABLE, {16, 4, 4}},
  {"LX-RO6",   "RO反渗透膜滤芯 600G",        4, "支", 599,  1, BULK_CONSUMABLE, {12, 4, 3}},
  {"LX-T33",   "后置T33活性炭滤芯",          4, "支", 49,   1, BULK_CONSUMABLE, {18, 10, 8}},
  {"LX-UF2",   "超滤膜滤芯",                 4, "支", 159,  1, BULK_CONSUMABLE, {8, 3, 2}},
  {"LX-HP6",   "空气净化器复合滤网",         4, "个", 259,  1, BULK_CONSUMABLE, {6, 4, 6}},
  {"LX-RO10",  "商用RO膜组件 1000G",         4, "支", 1280, 1, BULK_CONSUMABLE, {3, 10, 9}},
  {"LX-SALT",  "软水机专用软水盐 10kg",      4, "袋", 65,   1, BULK_CONSUMABLE, {3, 2, 1}},
  {"PJ-F01",   "净水专用鹅颈龙头",           5, "个", 129,  1, BULK_CONSUMABLE, {10, 2, 1}},
  {"PJ-T02",   "净水器安装配件包",           5, "套", 49,   1, BULK_CONSUMABLE, {12, 2, 1}},
  {"PJ-G03",   "11G储水压力桶",              5, "个", 269,  1, BULK_CONSUMABLE, {6, 1, 1}},
  {"PJ-P04",   "增压泵 24V",                 5, "个", 199,  1, BULK_CONSUMABLE, {6, 3, 2}},
  {"PJ-V05",   "进水三通球阀",               5, "个", 25,   1, BULK_CONSUMABLE, {8, 2, 1}},
  {"PJ-D06",   "TDS水质检测笔",              5, "支", 39,   1, BULK_CONSUMABLE, {8, 2, 2}},
  {"PJ-B07",   "不锈钢挂墙支架",             5, "套", 69,   1, BULK_CONSUMABLE, {4, 2, 2}},
};
#define N_PRODUCTS ((int)(sizeof PRODUCTS / sizeof PRODUCTS[0]))

/* ---- users ---------------------------------------------------------------- */
typedef struct {
  const char *username, *display, *role;
  int region[2];     /* 1-based region ids for user_regions, 0 = none */
} user_def;

static const user_def USERS[] = {
  {"admin",      "系统管理员", "admin",            {0, 0}},
  {"leader1",    "张建国",     "leader",           {0, 0}},
  {"leader2",    "李慧敏",     "leader",           {0, 0}},
  {"staff01",    "陈晓明",     "staff",            {0, 0}},
  {"staff02",    "刘婷",       "staff",            {0, 0}},
  {"staff03",    "王磊",       "staff",            {0, 0}},
  {"staff04",    "赵雪",       "staff",            {0, 0}},
  {"staff05",    "孙浩",       "staff",            {0, 0}},
  {"staff06",    "黄丽娟",     "staff",            {0, 0}},
  {"staff07",    "周杰",       "staff",            {0, 0}},
  {"staff08",    "吴敏",       "staff",            {0, 0}},
  {"staff09",    "郑涛",       "staff",            {0, 0}},
  {"staff10",    "杨帆",       "staff",            {0, 0}},
  {"rm_huadong", "徐志刚",     "regional_manager", {1, 0}},
  {"rm_huabei",  "马国庆",     "regional_manager", {2, 0}},
  {"rm_huanan",  "林海燕",     "regional_manager", {3, 0}},
  {"rm_xinan",   "何军",       "regional_manager", {5, 0}},
  {"rm_central", "郭建华",     "regional_manager", {4, 6}},
};
#define N_USERS ((int)(sizeof USERS / sizeof USERS[0]))
#define USER_ADMIN 1
/* Which staff users (ids: staff01 = 4 … staff10 = 13) look after each region. */
static const int REGION_STAFF[7][3] = {
  {4, 5, 6}, {7, 8, 0}, {9, 10, 0}, {11, 0, 0}, {12, 0, 0}, {13, 0, 0}, {13, 11, 0},
};
#define STAFF_FIRST 4
#define STAFF_LAST 13

/* ---- company name parts --------------------------------------------------- */
static const wstr DEALER_TRADES[] = {
  {"电器销售", 3}, {"商贸", 3}, {"家电", 2}, {"电器", 3}, {"净水设备", 2},
  {"环保科技", 1.5}, {"水处理设备", 1}, {"厨卫电器", 1.5}, {"贸易", 2},
  {"家电连锁", 0.5}, {"智能家居", 1},
};
#define N_DEALER_TRADES ((int)(sizeof DEALER_TRADES / sizeof DEALER_TRADES[0]))

/* End customers: hotels, canteens, restaurants, property managers, factories…
 * '@' marks where the trade name goes; a leading '#' means "city + 市 +
 * district + …", a leading '$' means "trade name + … + （district店）",
 * otherwise the name starts with the city. */
static const wstr END_FORMS[] = {
  {"@大酒店", 4}, {"@酒店管理有限公司", 3}, {"@餐饮管理有限公司", 5},
  {"@团餐管理有限公司", 2}, {"@物业管理有限公司", 3}, {"@物业服务有限公司", 2},
  {"@食品有限公司", 3}, {"@电子科技有限公司", 3}, {"@机械制造有限公司", 2},
  {"@纺织有限公司", 1}, {"@塑胶制品有限公司", 1}, {"@生物科技有限公司", 1},
  {"@建筑工程有限公司", 2}, {"@信息技术有限公司", 2}, {"@汽车销售服务有限公司", 1.5},
  {"@健身管理有限公司", 1}, {"@养老服务有限公司", 1}, {"#@幼儿园", 1.5},
  {"@连锁超市有限公司", 1}, {"$@火锅", 1.5}, {"@口腔门诊部", 0.5},
  {"@月子会所", 0.5}, {"$@茶楼", 0.5}, {"@商务酒店", 1.5}, {"@后勤服务有限公司", 1.5},
};
#define N_END_FORMS ((int)(sizeof END_FORMS / sizeof END_FORMS[0]))

/* ---- key people ---------------------------------------------------------- */
/* Role enum order matches customer_contacts.role. */
enum { R_PURCHASING, R_FINANCE, R_SALES, R_LOGISTICS, R_GM, R_CHAIRMAN, R_OTHER, N_ROLES };
static const char *const ROLE_S[N_ROLES] = {
  "purchasing", "finance", "sales", "logistics", "gm", "chairman", "other",
};
/* Titles per customer kind (dealer, end customer, organisation) and role;
 * the first of each is the source text's wording (采购经理, 财务总监, 销售经理,
 * 配送经理, 总经理, 董事长). */
static const char *const TITLES[3][N_ROLES][3] = {
  { {"采购经理", "采购主管", "采购部经理"}, {"财务总监", "财务经理", "财务主管"},
    {"销售经理", "销售总监", "市场部经理"}, {"配送经理", "物流经理", "仓储主管"},
    {"总经理", "副总经理", "执行总经理"}, {"董事长", "董事长兼总经理", "董事长"},
    {"售后服务部经理", "门店店长", "行政主管"} },
  { {"采购经理", "采购主管", "采购部经理"}, {"财务总监", "财务经理", "财务主管"},
    {"销售经理", "市场部经理", "销售总监"}, {"物流经理", "仓储主管", "配送经理"},
    {"总经理", "副总经理", "店长"}, {"董事长", "董事长", "董事长兼总经理"},
    {"工程部经理", "行政经理", "后勤主管"} },
  { {"采购科科长", "设备科科长", "后勤处处长"}, {"财务科科长", "财务处处长", "会计"},
    {"办公室主任", "办公室主任", "办公室主任"}, {"总务科科长", "后勤处副处长", "总务主任"},
    {"分管后勤副校长", "副院长", "副主任"}, {"党委书记", "党委书记", "党委书记"},
    {"总务主任", "办公室副主任", "后勤管理员"} },
};
static const char *const AUTHORITY[N_ROLES][3] = {
  {"负责询价比价和下单，单笔10万元以内可直接审批", "提出采购需求，报总经理审批", "供应商选择的初审权"},
  {"付款审批和账期管理", "对信用额度和回款计划有否决权", "负责对账、开票和付款安排"},
  {"负责下游渠道开拓，提出进货品种和数量建议", "掌握终端销售数据", "制定促销计划，参与进货决策"},
  {"负责收货验收、仓储和配送安排", "安排送货与安装调度", "负责库存盘点和补货建议"},
  {"最终采购决策", "年度合作协议签字人", "重大采购最终审批"},
  {"重大投资和年度合作方向的最终决策", "最终采购决策", "年度经销协议签字人"},
  {"负责设备日常使用和维护，对采购有建议权", "参与供应商评估", "负责内部协调和接待"},
};
static const char *const PERSONALITIES[] = {
  "稳重，重视长期合作", "性格直爽，讲究效率", "细致谨慎，注重数据和合同条款",
  "健谈热情，喜欢交朋友", "对价格敏感，善于谈判", "注重品牌和售后服务", "决策果断",
  "为人低调，不喜应酬", "关注新产品和新技术", "比较强势，重要事项需提前沟通",
  "讲信用，回款及时", "耐心好，喜欢听详细方案", "重感情，看重人情往来",
  "作风务实，只看实际效果", "谨慎保守，不轻易更换供应商",
};
#define N_PERSONALITIES ((int)(sizeof PERSONALITIES / sizeof PERSONALITIES[0]))
static const char *const HOBBIES[] = {
  "高尔夫", "钓鱼", "茶道", "书法", "摄影", "登山", "羽毛球", "乒乓球", "篮球", "游泳",
  "跑步", "象棋", "围棋", "收藏紫砂壶", "品酒", "旅游", "阅读", "太极拳", "骑行", "养花",
  "京剧", "足球", "自驾游", "烹饪", "网球",
};
#define N_HOBBIES ((int)(sizeof HOBBIES / sizeof HOBBIES[0]))

/* ---- complaints ------------------------------------------------------------ */
/* The first character says which product the text fits: W water purifier,
 * H hot-water appliance, M any machine, F filter or other consumable,
 * E anything costing 1000 yuan or more, A any product, '-' none named (the
 * complaint is then filed against a water purifier, if against a product).
 * In the text '%P' becomes the product name and '%N' its price in yuan. */
static const char *const C_QUALITY[] = {
  "W去年购买的%P使用不到半年，出水量明显变小，更换滤芯后仍未改善。",
  "W%P安装后接头处渗水，已经泡坏了橱柜底板。",
  "W%P运行时增压泵噪音很大，夜里影响休息。",
  "H%P显示屏经常黑屏，断电重启后才能恢复正常。",
  "W使用%P后水有异味，担心滤芯质量，要求派人检测水质。",
  "H%P刚用两个月就无法加热，机器提示E3故障。",
  "W%P的废水比例明显高于说明书标注，水费增加不少。",
  "F新换的%P装上后接口漏水，密封圈尺寸对不上。",
  "F%P用了不到三个月就堵塞，比标称寿命短很多。",
};
static const char *const C_SERVICE[] = {
  "-安装师傅比约定时间晚了三个小时，到场后没带齐配件，还要求另外收取材料费。",
  "-多次拨打售后电话无人接听，滤芯到期一直没人上门更换。",
  "-上门维修人员态度生硬，问题没解决就离开了。",
  "-更换滤芯时被推销加装前置过滤器，感觉被强行推销。",
  "-报修后答复48小时内上门，结果等了一周才有人联系。",
};
static const char *const C_PRICE[] = {
  "E上周以%N元购买的%P，发现网上旗舰店同款便宜三百多元。",
  "-经销商报价比公司官网价格高出很多，怀疑被多收费。",
  "F%P价格太高，一年换芯费用接近机器价格的一半。",
};
static const char *const C_DELIVERY[] = {
  "-订单已付款十天仍未发货，联系经销商一直说在调货。",
  "M送货时外包装破损，%P机身有明显划痕。",
  "-约定周六送货安装，当天无人联系，也没有改期通知。",
  "A送来的%P型号与订单不符，来回调换耽误了一周。",
};
static const char *const C_OTHER[] = {
  "-说明书对滤芯更换周期写得不清楚，希望提供更详细的说明。",
  "-希望APP能增加滤芯寿命提醒和一键预约换芯功能。",
  "-发票抬头开错，多次联系仍未重开。",
};
static const char *const C_SUGGEST[] = {
  "-建议在小区设立便民换芯点，方便老年用户。",
  "-建议增加商用机型的租赁方案，学校一次性采购预算有限。",
  "M希望延长%P的保修期，并提供上门清洗保养服务。",
  "H建议%P增加童锁功能，防止小孩误触热水。",
  "-希望售后短信里写明上门师傅的姓名和电话。",
};
static const char *const C_RETURN_QUALITY[] = {
  "W收到的%P外包装完好，试用后出水速度达不到宣传标准，七天内申请退货。",
  "W对%P的功能有疑问：宣传可以减少水垢，实际使用后烧水壶里仍有水垢，要求退货。",
  "W%P使用第二天就漏水，不愿意维修，要求退货退款。",
  "M%P试用三天噪音明显偏大，与宣传的静音效果不符，申请七天无理由退货。",
};
static const char *const C_RETURN_PRICE[] = {
  "A购买第三天发现同款%P在其他渠道便宜不少，包装未拆，要求退货。",
  "A以%N元买的%P，同一商场隔壁店促销价更低，要求退货。",
};
static const char *const C_RETURN_SERVICE[] = {
  "-安装人员服务态度差，不想再用该产品，要求退货退款。",
  "-销售人员承诺免费安装，送货后却要收安装费，要求退货。",
};
/* What the customer asks for, by reason (quality, service, price, delivery, other). */
static const char *const C_DEMANDS[5][3] = {
  {"要求上门检修", "要求更换新机", "要求赔偿损失"},
  {"要求书面答复", "要求道歉并更换服务人员", "希望尽快处理"},
  {"要求退还差价", "要求书面答复", "希望给予价格补偿"},
  {"希望尽快处理", "要求赔偿损失", "要求更换新机"},
  {"希望尽快处理", "要求书面答复", "希望尽快处理"},
};
/* ---- the customer file: dynamics, contact log, quotes, service, incentives --
 * Texts are templates: {lo-hi} becomes a whole number in that range, %P a
 * product name, %C a competitor's (invented) brand, %N the name of one of the
 * customer's key people, %K the city, %D the district, %Y this year, %L last
 * year; any other % is a per cent sign. Audience: 'D' dealers only, 'O' end customers and organisations
 * only, 'A' anyone. */
typedef struct { int cat; char who; const char *t; } dyn_tmpl;

/* Needs dynamics (需求动向): the source text's eight items, as short codes. */
static const char *const NEEDS_CAT[] = {
  "product_range", "channel", "personnel", "downstream_orders",
  "inventory", "capital", "competitor", "profit_target",
};
static const dyn_tmpl NEEDS_T[] = {
  {0, 'D', "计划从{3-6}月起增加厨下式大通量净水器品类，压缩低端超滤机型的进货，希望我方提供%P样机和陈列支持。"},
  {0, 'D', "门店调整产品结构，小家电销售占比降到{20-35}%，净水和厨电提高到六成以上。"},
  {0, 'D', "准备引入商用开水器和商用净水机，承接学校、工厂食堂的工程项目，询问%P的工程报价。"},
  {0, 'D', "%P在当地销量一般，提出主推机型减少到{3-6}款，其余型号不再备货。"},
  {0, 'D', "明年将停止代理一个进口净水品牌，空出的陈列位置可以给我方新品。"},
  {0, 'O', "办公楼改造后新增{2-6}个饮水点，需要增加%P。"},
  {0, 'O', "现有饮水设备使用超过{6-10}年，计划分批更换为%P。"},
  {1, 'D', "新开{1-3}家社区体验店，二级网点由{8-15}个增加到{16-30}个。"},
  {1, 'D', "开始做抖音直播和小程序商城，线上销售占比已达到{8-25}%，希望线上线下价格统一。"},
  {1, 'D', "与本地{2-4}家装修公司签订精装配套协议，工程渠道占比明显上升。"},
  {1, 'D', "关闭%D的一家门店，转为以乡镇二级分销为主。"},
  {2, 'D', "原采购经理离职，现由%N负责采购，对账期和返利政策比较关注。"},
  {2, 'D', "销售部新招{3-8}名业务员，希望我方安排一次产品知识培训。"},
  {2, 'D', "总经理将精力转到新开的餐饮项目，日常经营交给%N负责。"},
  {2, 'O', "后勤负责人调整，新任负责人%N要求重新评估饮水设备供应商。"},
  {2, 'O', "采购负责人换人，由%N接手，年内采购计划可能推迟。"},
  {3, 'D', "二级网点本月订货{30-120}台，比上月增长{5-30}%，%P走货最快。"},
  {3, 'D', "下游{2-5}个工程项目（学校、写字楼）已中标，预计{1-3}个月内需要%P约{10-60}台。"},
  {3, 'D', "下级网点反映旺季备货不足，本季度订货量比去年同期下降{5-20}%。"},
  {3, 'D', "乡镇网点订货以滤芯耗材为主，整机订货减少。"},
  {4, 'D', "盘点库存：整机约{80-400}台，滤芯约{500-3000}支，其中%P库存偏高，约需{2-4}个月消化。"},
  {4, 'D', "%P断货{1-3}周，影响门店销售，要求尽快补货。"},
  {4, 'D', "仓库即将搬迁，下月暂停大批量进货。"},
  {4, 'D', "库存周转天数约{30-75}天，比去年有所改善。"},
  {5, 'D', "近期回款放慢，客户称下游工程款被拖欠约{20-150}万元，希望把账期延长到{60-90}天。"},
  {5, 'D', "刚获得银行授信{100-500}万元，资金比较宽裕，考虑加大旺季备货。"},
  {5, 'D', "新开门店占用资金较多，本季度进货计划下调约{10-30}%。"},
  {5, 'O', "年度预算已批复，设备采购预算约{10-80}万元，年底前须完成付款。"},
  {5, 'O', "财政资金拨付延迟，本期付款可能推迟到下个季度。"},
  {6, 'D', "竞品“%C”在当地降价{5-15}%，并给经销商额外返点，已有两个二级网点转做%C。"},
  {6, 'D', "%C在%K新开旗舰店，主打以旧换新，对我方%P形成直接竞争。"},
  {6, 'D', "客户同时在谈%C的代理，对方承诺{3-8}%的年度返利和免费店招。"},
  {6, 'O', "%C的销售多次上门，报价比我方低约{5-20}%，客户要求我方重新报价。"},
  {6, 'O', "%C提出免费试用三个月的方案，客户正在比较。"},
  {7, 'D', "%Y年利润目标{50-400}万元，目前完成约{55-95}%，主要靠净水工程项目拉动毛利。"},
  {7, 'D', "净水器零售毛利从{25-30}%降到{15-22}%，客户要求提高返利比例。"},
  {7, 'D', "年度销售目标{500-3000}万元，其中本公司产品占比目标{30-60}%。"},
};
/* Strategy dynamics (战略动向): annual plan, sales strategy, how it carries
 * out our marketing programmes. */
static const char *const STRATEGY_CAT[] = { "annual_plan", "sales_strategy", "programme_execution" };
static const dyn_tmpl STRATEGY_T[] = {
  {0, 'D', "%Y年度销售计划：本公司产品销售额{200-1500}万元，同比增长{8-30}%，其中净水器占{50-70}%。"},
  {0, 'D', "提交%Y年分季度进货计划：第一季度以滤芯耗材为主，第二、三季度为整机旺季。"},
  {0, 'O', "%Y年计划分两批更换全部{10-60}台饮水设备，第一批在暑期完成。"},
  {1, 'D', "主推中高端RO机型%P，门店统一做免费水质检测引流，用换芯会员卡锁定老客户。"},
  {1, 'D', "转向社区团购和老客户转介绍，安装师傅兼做回访，介绍成交送{50-200}元礼品卡。"},
  {1, 'D', "聚焦工程渠道（学校、医院、写字楼），组建{2-5}人的工程投标小组。"},
  {1, 'O', "采购方式改为集中招标，签年度框架协议后按需下单。"},
  {2, 'D', "参加我方“净水节”促销，门店陈列和物料到位，活动期间销售%P {20-150}台。"},
  {2, 'D', "我方以旧换新方案执行不到位，{2-4}家门店未张贴海报，已要求整改。"},
  {2, 'D', "按我方方案开展社区推广{3-12}场，收集意向客户{60-400}个，成交率约{8-20}%。"},
  {2, 'D', "新品%P首批铺货已完成，样机上柜率{70-100}%。"},
  {2, 'O', "按我方建议执行滤芯定期更换方案，已签订年度维保合同。"},
};
#define N_NEEDS_CAT ((int)(sizeof NEEDS_CAT / sizeof NEEDS_CAT[0]))
#define N_STRATEGY_CAT ((int)(sizeof STRATEGY_CAT / sizeof STRATEGY_CAT[0]))

/* Invented competitor brands. */
static const char *const RIVALS[] = { "清沐", "沃泉", "蓝溪", "净邦", "润乐", "水之源" };

/* Contact log (巡视管理): what was heard, by channel, and after '|' the next
 * action it leads to (none when there is no '|'); a leading '*' marks a text
 * that only fits a customer that buys from us. Channel enum order matches
 * contact_log.channel. */
enum { CH_VISIT, CH_MEETING, CH_CALL, CH_HOTLINE, CH_RECEIVED, N_CHANNELS };
static const char *const CHANNEL_S[N_CHANNELS] = { "visit", "meeting", "call", "hotline", "received_visit" };
typedef struct { int ch; char who; const char *t; } heard_tmpl;
static const heard_tmpl HEARD_T[] = {
  {CH_VISIT, 'D', "*走访门店，%N反映%P近期走货较快，但滤芯配件经常缺货。|核对滤芯库存并安排补货"},
  {CH_VISIT, 'D', "*拜访%N，对方对今年返利政策基本满意，希望旺季前多给一批促销物料。|寄送促销物料"},
  {CH_VISIT, 'D', "*实地查看仓库和陈列，%P样机摆放位置不佳，已现场建议调整。|复查门店陈列"},
  {CH_VISIT, 'D', "%N提到竞品%C的业务员近期频繁上门，报价比我方低。|提交价格和返利对比方案"},
  {CH_VISIT, 'D', "*拜访%N，了解二级网点的进货情况，%P在乡镇市场反响不错。"},
  {CH_VISIT, 'O', "拜访%N，了解到暑期要改造饮水间，需要{4-12}台%P。|提交改造方案和报价单"},
  {CH_VISIT, 'O', "*上门查看设备使用情况，%N反映%P出水变慢、偶有异响。|安排售后上门检修"},
  {CH_VISIT, 'A', "*拜访%N，对方对上次交货及时表示满意，近期暂无新的采购计划。"},
  {CH_VISIT, 'A', "拜访%N，介绍我方%P和售后服务体系，对方表示会考虑，希望看到同类客户的使用案例。|寄送产品资料和客户案例"},
  {CH_MEETING, 'D', "*参加客户季度经营会，%N通报上季度销售完成{80-115}%，希望增加广告费用支持。|回复广告费用支持申请"},
  {CH_MEETING, 'D', "邀请%N参加我方经销商大会，对新品%P兴趣较大，询问首批进货政策。|发送新品进货政策"},
  {CH_MEETING, 'D', "*与%N等人开会讨论明年合作方案，对年度返利目标有分歧。|提交修改后的年度合作方案"},
  {CH_MEETING, 'O', "参加客户组织的供应商座谈会，%N介绍了明年的设备采购计划。|准备招标资料"},
  {CH_CALL, 'A', "*电话联系%N，确认上批货已到，询问开票事宜。|寄送发票"},
  {CH_CALL, 'A', "电话联系%N，了解近期采购计划，对方暂无需求，约定下月再联系。|再次电话跟进"},
  {CH_CALL, 'A', "*%N来电询问%P的到货时间，催促尽快发货。|确认订单交货期"},
  {CH_CALL, 'A', "*电话回访，客户对上次安装服务满意，提出续签维保合同。|提交维保合同"},
  {CH_CALL, 'D', "*电话催款，%N表示月底前安排付款约{5-40}万元。|跟进回款"},
  {CH_CALL, 'D', "*电话沟通旺季备货，%N计划下周下单%P约{20-80}台。|确认订单和交货期"},
  {CH_CALL, 'O', "电话联系%N，对方要求重新报价%P，预算有限。|提交修改后的报价单"},
  {CH_HOTLINE, 'A', "*热线来电：%N反映%P出水变慢，已登记并安排售后上门。|安排售后上门检修"},
  {CH_HOTLINE, 'A', "*热线咨询滤芯更换周期和价格，已告知并推荐换芯套餐。"},
  {CH_HOTLINE, 'A', "*热线来电反映安装师傅迟到，已致歉并转售后主管跟进。|回访客户满意度"},
  {CH_HOTLINE, 'O', "*热线来电：%N询问%P的保修期限和上门保养费用。|寄送保修条款"},
  {CH_RECEIVED, 'A', "%N带队来公司参观生产线和水质检测中心，对产品质量印象较好。|邀请参加新品发布会"},
  {CH_RECEIVED, 'D', "*%N来访洽谈%Y年度合作，提出将信用额度提高到{50-300}万元。|提交信用额度调整申请"},
  {CH_RECEIVED, 'D', "*客户来公司提货，顺便反映当地市场价格混乱的问题。|了解窜货情况并回复"},
  {CH_RECEIVED, 'O', "%N来访了解商用净水设备，索取了%P的资料。|寄送产品资料和报价"},
};
#define N_HEARD ((int)(sizeof HEARD_T / sizeof HEARD_T[0]))

/* Quote notes. */
static const char *const QUOTE_NOTES[] = {
  "含运费和安装", "含运费，不含安装", "批量采购价，有效期内锁价", "含一年滤芯", "需预付30%定金",
  "按年度框架协议价", "含三年上门保养",
};
static const char *const QUOTE_LOST[] = {
  "客户选择了竞品，对方价格低约10%", "项目预算削减，暂缓采购", "客户选择了本地经销商的报价",
  "交货期不能满足要求",
};

/* After-sales service: kind (service_records.kind order), description and
 * result (separated by '|'); the description's first character says which
 * product it fits (W water purifier, H hot-water appliance, X either, '-'
 * none). */
enum { SV_INSTALL, SV_REPAIR, SV_MAINT, SV_TRAINING, SV_OTHER, N_SV };
static const char *const SERVICE_S[N_SV] = { "install", "repair", "maintenance", "training", "other" };
typedef struct { int kind; char who; const char *t; } service_tmpl;
static const service_tmpl SERVICE_T[] = {
  {SV_INSTALL, 'A', "W%P安装调试，加装进水三通和净水龙头。|安装完成，出水TDS值{5-30}，客户签字确认"},
  {SV_INSTALL, 'A', "X新购%P {2-8}台上门安装。|全部安装完成，已讲解使用注意事项"},
  {SV_REPAIR, 'A', "W%P出水量明显变小，检查发现增压泵故障。|更换增压泵，恢复正常"},
  {SV_REPAIR, 'A', "W%P接头处渗水。|更换快接头和密封圈，试机无渗漏"},
  {SV_REPAIR, 'A', "X%P显示屏不亮，无法开机。|更换电源板，已恢复正常使用"},
  {SV_REPAIR, 'A', "H%P加热异常，提示E3故障。|更换温控器，保修期内免费"},
  {SV_MAINT, 'A', "W%P定期保养，更换PP棉和活性炭滤芯。|已更换滤芯{2-4}支，告知下次保养日期"},
  {SV_MAINT, 'A', "X%P年度保养：清洗水箱、检查管路、检测水质。|保养完成，水质检测合格"},
  {SV_TRAINING, 'D', "W为门店店员讲解%P的安装和销售要点（{4-15}人参加）。|培训完成，考核合格"},
  {SV_TRAINING, 'O', "X为后勤人员培训%P的日常使用和清洗方法。|培训完成，已留操作手册"},
  {SV_OTHER, 'A', "-上门水质检测，客户怀疑自来水水质问题。|检测结果正常，已出具检测报告"},
  {SV_OTHER, 'A', "X%P移机，随办公室搬迁重新安装。|移机完成，试机正常"},
};
#define N_SERVICE_T ((int)(sizeof SERVICE_T / sizeof SERVICE_T[0]))

/* Promotions (促销) supported for a customer: the text and the season of
 * gen_measures.h's SEASONS it belongs to (-1: any time of the year). A
 * seasonal one is granted in its season's months. */
typedef struct { const char *t; int season; } promo_def;
static const promo_def PROMOTIONS[] = {
  {"春节年货节促销费用支持", 0}, {"“五一”促销活动费用支持", 1}, {"“618”年中大促线上价差补贴", 2},
  {"暑期净水节促销费用支持", 3}, {"国庆黄金周促销费用支持", 4}, {"“双十一”线上促销价差补贴", 5},
  {"端午节团购特价差补", 6}, {"以旧换新活动补贴", -1}, {"门店店庆促销赠品支持", -1},
  {"新品%P上市推广费用", -1}, {"社区推广活动物料和人员费用", -1},
};
/* ---- complaints: where the customer is, and what the seven steps record --
 * Provinces in the order of schema/007's INSERT, so a province's id is its
 * index + 1; region is an index into REGIONS; weight: share of complaints
 * from people who name no customer file. */
typedef struct { const char *code; int region; double weight; } province_def;
static const province_def PROVINCES[] = {
  {"shanghai", 0, 6}, {"jiangsu", 0, 8}, {"zhejiang", 0, 7}, {"anhui", 0, 3}, {"fujian", 0, 3},
  {"jiangxi", 0, 2}, {"shandong", 0, 6},
  {"beijing", 1, 5}, {"tianjin", 1, 2}, {"hebei", 1, 4}, {"shanxi", 1, 2}, {"neimenggu", 1, 1},
  {"guangdong", 2, 10}, {"guangxi", 2, 2}, {"hainan", 2, 1},
  {"henan", 3, 5}, {"hubei", 3, 4}, {"hunan", 3, 3},
  {"chongqing", 4, 3}, {"sichuan", 4, 5}, {"guizhou", 4, 2}, {"yunnan", 4, 2}, {"xizang", 4, 0.3},
  {"shaanxi", 5, 3}, {"gansu", 5, 1}, {"qinghai", 5, 0.5}, {"ningxia", 5, 0.5}, {"xinjiang", 5, 1},
  {"liaoning", 6, 3}, {"jilin", 6, 2}, {"heilongjiang", 6, 2},
};
#define N_PROVINCES ((int)(sizeof PROVINCES / sizeof PROVINCES[0]))

/* The province of each city in CITIES (checked at start-up: every city is
 * listed and lies in its province's region). */
typedef struct { const char *city, *province; } city_province_def;
static const city_province_def CITY_PROVINCE[] = {
  {"上海", "shanghai"}, {"杭州", "zhejiang"}, {"南京", "jiangsu"}, {"苏州", "jiangsu"},
  {"宁波", "zhejiang"}, {"合肥", "anhui"}, {"济南", "shandong"}, {"青岛", "shandong"},
  {"福州", "fujian"}, {"厦门", "fujian"}, {"南昌", "jiangxi"}, {"无锡", "jiangsu"},
  {"北京", "beijing"}, {"天津", "tianjin"}, {"石家庄", "hebei"}, {"太原", "shanxi"},
  {"呼和浩特", "neimenggu"}, {"唐山", "hebei"}, {"保定", "hebei"},
  {"广州", "guangdong"}, {"深圳", "guangdong"}, {"东莞", "guangdong"}, {"佛山", "guangdong"},
  {"南宁", "guangxi"}, {"海口", "hainan"}, {"珠海", "guangdong"},
  {"武汉", "hubei"}, {"长沙", "hunan"}, {"郑州", "henan"}, {"洛阳", "henan"}, {"宜昌", "hubei"},
  {"株洲", "hunan"},
  {"成都", "sichuan"}, {"重庆", "chongqing"}, {"昆明", "yunnan"}, {"贵阳", "guizhou"},
  {"绵阳", "sichuan"},
  {"西安", "shaanxi"}, {"兰州", "gansu"}, {"银川", "ningxia"}, {"西宁", "qinghai"},
  {"乌鲁木齐", "xinjiang"},
  {"沈阳", "liaoning"}, {"大连", "liaoning"}, {"长春", "jilin"}, {"哈尔滨", "heilongjiang"},
  {"吉林", "jilin"},
};

/* Products the customer typed because they were not in the list. */
static const char *const C_TYPED_PRODUCTS[] = {
  "老款净水器（型号记不清）", "朋友送的净水机，型号不详", "十年前买的电热水器",
  "展会上买的滤水壶", "团购的台式净饮机",
};
static const char *const C_MAIL_DOMAINS[] = { "qq.com", "163.com", "126.com", "sina.com", "139.com" };

/* Step 1: the facts as confirmed, by reason (quality, service, price, delivery, other). */
static const char *const H_FACTS[5] = {
  "已核对购买记录和产品序列号，故障现象与客户描述一致。",
  "已核对服务工单和上门记录，服务时间与客户反映一致。",
  "已核对订单价格和同期渠道价格，差价属实。",
  "已核对物流记录，送货延误/破损情况属实。",
  "已记录客户意见，转相关部门参考。",
};
static const char *const H_CHANNEL[] = { "phone", "phone", "phone", "visit", "email", "fax" };
static const char *const H_USAGE[] = {
  "家庭日常饮用，每天制水约10升", "办公室使用，约20人饮水", "按说明书安装使用，未自行拆装",
  "食堂使用，每天使用时间较长", "偶尔使用，放置在厨房台面",
};
static const char *const H_PREV_BRAND[] = { "无", "其他品牌净水器", "桶装水", "自来水直接煮沸", "其他品牌电水壶" };
static const char *const H_ANALYSIS[5] = {
  "初步判断为部件质量问题，同批次产品已抽检。",
  "服务人员未按服务规范执行，已约谈并纳入考核。",
  "不同渠道促销时间不同造成差价，已向客户说明价格政策。",
  "配送商调度失误导致延误，已要求整改。",
  "意见合理，已转产品部和服务部研究。",
};
static const char *const H_EXPLANATION[] = {
  "向客户说明原因并致歉，告知处理方案和时间。",
  "向客户解释产品原理和正确使用方法，并提供书面说明。",
  "说明公司价格政策，承诺按规定给予补偿。",
};
static const char *const H_DEPARTMENTS[] = { "售后服务部", "财务部", "物流部", "销售部", "质量部" };
/* Remedy (complaint_proposals.remedy order) and its text. */
static const char *const P_REMEDY[] = { "replace", "repair", "refund", "compensation", "explanation" };
static const char *const P_DETAIL[] = {
  "免费更换同型号新机，旧机收回检测。", "安排工程师上门维修，更换故障部件，保修期内免费。",
  "办理退货，全额退款。", "给予经济补偿，并赠送一次免费保养。", "向客户书面说明情况并致歉，无需经济补偿。",
};
static const char *const P_RETURN_COMMENT[] = {
  "补偿金额偏高，请按标准重新核定。", "请先确认是否在保修期内。", "方案不够具体，请写明执行部门和时间。",
};
static const char *const M_STAFF[] = {
  "您好，您反映的问题已收到，售后专员会尽快与您电话联系。",
  "您好，我们已安排工程师上门检查，请保持电话畅通。",
  "处理方案已确认，相关部门正在执行，请留意后续通知。",
  "您好，退款/补偿已办理，预计3-5个工作日到账。",
};
/* Internal notes at step 2, by reason (quality, service, price, delivery,
 * other) and for suggestions. */
static const char *const M_INTERNAL[6][2] = {
  {"同批次产品已有类似反馈，请质量部关注。", "客户是老客户，建议从优处理。"},
  {"客户情绪较激动，回访时注意沟通方式。", "已调取当天的服务工单，请服务部说明情况。"},
  {"需与经销商核实当时的报价单。", "客户是老客户，建议从优处理。"},
  {"客户情绪较激动，回访时注意沟通方式。", "已要求物流部提供签收记录。"},
  {"客户情绪较激动，回访时注意沟通方式。", "客户是老客户，建议从优处理。"},
  {"建议已转产品部评估，有结论后回复客户。", "同类建议已有多条，汇总后报产品部。"},
};
static const char *const M_CUSTOMER[] = {
  "请问什么时候能上门？", "好的，谢谢。", "已收到退款，谢谢。", "希望尽快处理。",
};
/* The customer's comment with a rating, by score 1..5: a 1 or 2 says what
 * went wrong (不满意, 失望, 没有, 太慢, 太长, 差: tests/http/test_demo_data.py),
 * a 3 is mixed, a 4 or 5 is pleased and says none of those words. */
static const char *const R_COMMENT[5][4] = {
  {"处理太慢，拖了半个多月才有结果，很不满意。", "问题根本没有解决，机器还是老样子。",
   "客服态度差，打了好几次电话才有人回。", "说好的上门时间一再推迟，很失望。"},
  {"问题没有彻底解决，过几天又出现了。", "等待时间太长，不满意。", "答复前后不一致，不满意。",
   "上门师傅没带配件，来回跑了两趟，不满意。"},
  {"问题解决了，但等待时间比较长。", "处理结果还可以，沟通不够及时。", "一般，希望以后响应快一点。",
   "基本解决，但跑了好几趟。"},
  {"处理比较及时，问题已解决。", "工程师很专业，就是预约时间稍晚。", "满意，客服回访很耐心。",
   "问题解决了，处理顺利。"},
  {"处理及时，态度很好，非常满意！", "工程师很专业，一次就修好了。", "客服全程跟进，非常感谢。",
   "问题很快解决了，服务周到。"},
};

/* Step 7's follow-ups with the customer: after a resolution, after a reopen
 * (the first only after a rating), while the customer is still trying it. */
static const char *const FU_OK[] = {
  "电话回访，客户确认问题已解决，使用正常。", "上门回访，设备运行正常，客户认可处理结果。",
  "电话回访，客户表示处理结果可以接受。",
};
static const char *const FU_AGAIN[] = {
  "客户评价后再次电话沟通，说明原因并致歉，客户表示理解。", "再次上门检查并调试，客户确认问题已解决。",
  "主管再次回访，补充说明处理依据，客户同意结案。",
};
static const char *const FU_WAIT[] = {
  "电话回访，客户表示还在观察使用情况，约定一周后再联系。", "客户未接电话，已发短信，约定改日回访。",
};

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

#endif

/* ---- dealer-support plans (schema/012) ------------------------------------ */
/* The catalogue's category of measures 1..33, in 012's insert order. */
static const int MEASURE_CATEGORY[33] = {
  1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3,
  4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5,
};
/* Measures that are not in the catalogue: name and category. */
static const struct { const char *name; int category; } CUSTOM_MEASURES[] = {
  {"经销商年会赞助", 5},
  {"门店收银系统升级补贴", 1},
  {"区域配送车辆租赁补助", 2},
  {"社区团购渠道试点", 2},
  {"节庆堆头陈列费", 4},
};
#define N_CUSTOM_MEASURES ((int)(sizeof CUSTOM_MEASURES / sizeof CUSTOM_MEASURES[0]))
static const char *const PLAN_FOCUS[] = {
  "巩固核心门店，提升高端系列占比",
  "开发县级市场新网点，扩大覆盖面",
  "改善库存周转，减少断货",
  "加强店员培训，提高成交率",
  "配合新品上市，做好陈列与促销",
  "改善回款，控制应收账款",
};
#include "gen_measures.h"
static const char *const RETURN_COMMENT[] = {
  "预算偏高，请压缩广告费用后再提交",
  "措施过于笼统，请写明执行月份和负责人",
  "销售目标偏低，请参照去年实绩调整",
};
#define N_ARR(a) ((int)(sizeof a / sizeof a[0]))
