#!/usr/bin/env python3
"""Generates src/test/resources/captions/corpus.tsv: captions in the styles clerks write, each with
the set of caption fields it states. Deterministic (fixed seed). Semantics of the labels:
place implies venue (and back); organizer implies unit; theme implies content (and back)."""
import random

R = random.Random(11)
ORGS = ["区卫健委", "区卫生健康委员会", "青口中心卫生院", "幸福社区", "城南社区居委会", "区人民医院志愿服务队",
        "市疾控中心", "区妇幼保健院", "东关街道社区卫生服务中心", "区红十字会", "县中医院", "区卫健委机关党支部",
        "青口镇卫生院", "朝阳街道办事处", "区计生协会", "“白衣天使”志愿服务队", "市中心血站", "和平村村委会"]
PLACES = ["青口镇文化广场", "幸福社区活动室", "区人民医院门诊大厅", "城南小学", "区敬老院", "新华书店门前",
          "东湖公园", "和平村卫生室", "社区卫生服务站", "市民广场", "区政务服务中心", "青口镇中心小学操场"]
THEMES = ["学雷锋义诊", "健康知识讲座", "无偿献血宣传", "“世界卫生日”宣传", "文明交通劝导", "家庭医生签约",
          "控烟宣传", "爱国卫生运动", "“健康同行”主题", "防溺水安全教育", "心肺复苏培训", "重阳节敬老"]
CONTENTS = ["测量血压", "免费体检", "发放健康宣传资料", "提供健康咨询", "打扫房间卫生", "义务理发",
            "开展心理疏导", "测血糖", "讲解慢病防治知识", "送去米面油"]
BENEF = ["空巢老人", "留守儿童", "残疾人", "贫困户", "社区居民", "孕产妇", "辖区群众", "困境儿童", "独居老人",
         "环卫工人", "孤寡老人", "过往市民"]
PROJECTS = ["“健康守门人”志愿服务项目", "“暖心助老”项目", "“小手拉大手”项目", "“光明行”项目"]
HAN = "〇一二三四五六七八九"


def han_num(n):
    if n < 10: return HAN[n]
    if n == 10: return "十"
    if n < 20: return "十" + HAN[n % 10]
    return HAN[n // 10] + "十" + (HAN[n % 10] if n % 10 else "")


def date(full_only=False):
    y, m, d = R.choice([2018, 2019, 2020]), R.randint(1, 12), R.randint(1, 28)
    forms = [f"{y}年{m}月{d}日", f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}",
             "".join(HAN[int(c)] for c in str(y)) + f"年{han_num(m)}月{han_num(d)}日", f"{y}年{m:02d}月{d:02d}日"]
    if not full_only: forms.append(f"{y}年{m}月")
    return R.choice(forms)


def md():
    return f"{R.randint(1, 12)}月{R.randint(1, 28)}日"


o, p, t, c, b, pr = (lambda: R.choice(ORGS)), (lambda: R.choice(PLACES)), (lambda: R.choice(THEMES)), \
    (lambda: R.choice(CONTENTS)), (lambda: R.choice(BENEF)), (lambda: R.choice(PROJECTS))

LABELS = {
    "time": ["时间", "活动时间", "服务时间", "日期"],
    "place": ["地点", "活动地点", "服务地点"],
    "organizer": ["主办单位", "主办方", "组织单位"],
    "theme": ["主题", "活动主题", "活动名称"],
    "venue": ["场所名称", "所在场所位置"],
    "unit": ["单位名称", "开展志愿服务的单位名称或个人姓名", "单位名称或个人姓名", "志愿服务单位"],
    "project": ["项目名称"],
    "content": ["服务内容", "关爱内容", "活动内容"],
    "beneficiary": ["服务对象", "关爱对象"],
}
VALUE = {"time": lambda: date(), "place": p, "organizer": o, "theme": t, "venue": p, "unit": o, "project": pr,
         "content": c, "beneficiary": b}


def closure(fields):
    f = set(fields)
    if "place" in f or "venue" in f: f |= {"place", "venue"}
    if "organizer" in f: f.add("unit")
    if "theme" in f or "content" in f: f |= {"theme", "content"}
    if "project" in f: f |= {"theme", "content"}
    return f


def labelled():
    keys = R.sample(list(LABELS), R.randint(2, 6))
    sep = R.choice([" ", "\\n", "；", "，", "  ", "; "])
    colon = R.choice(["：", ":", "： "])
    parts = [R.choice(LABELS[k]) + colon + VALUE[k]() for k in keys]
    return sep.join(parts), keys


def T(f, fields):
    return lambda: (f(), fields)


TEMPLATES = [
    (labelled, None, 80),
    (lambda: f"{date()}，{o()}在{p()}开展{t()}活动", "time organizer place theme", 14),
    (lambda: f"{date()}，由{o()}主办的{t()}活动在{p()}举行", "time organizer place theme", 12),
    (lambda: f"由{o()}主办、{o()}承办的{t()}活动于{date()}在{p()}举办", "time organizer place theme", 8),
    (lambda: f"{t()}活动现场（{date()}，{p()}，{o()}主办）", "time organizer place theme", 8),
    (lambda: f"{date()} {t()}活动在{p()}举行，{o()}主办", "time organizer place theme", 8),
    (lambda: f"{date()}，{o()}组织志愿者走访{b()}，为他们{c()}", "time organizer theme beneficiary", 12),
    (lambda: f"{date()}，{o()}组织医护人员深入{p()}，为{b()}{c()}", "time organizer place theme beneficiary", 10),
    (lambda: f"{o()}举办{t()}活动（{date()}）", "time organizer theme", 8),
    (lambda: f"{date()}{o()}举办{t()}", "time organizer theme", 6),
    (lambda: f"{date()}，{o()}联合{o()}在{p()}开展{t()}", "time organizer place theme", 6),
    (lambda: f"{date(True)} {t()}", "time theme", 10),
    (lambda: f"{t()}_{date(True)}", "time theme", 5),
    (lambda: f"{o()}在{p()}开展{t()}活动", "organizer place theme", 10),
    (lambda: f"{o()}志愿者为{b()}{c()}", "organizer theme beneficiary", 8),
    (lambda: f"{R.choice([2018, 2019, 2020])}年学雷锋活动月，{md()}，{o()}在{p()}开展{t()}活动", "time organizer place theme", 6),
    (lambda: f"{md()}，{o()}在{p()}为{b()}{c()}", "time organizer place theme beneficiary", 6),
    (lambda: f"{date()}，医务人员正在为{b()}{c()}", "time theme beneficiary", 8),
    (lambda: f"在医生的指导下，{b()}学习急救知识", "theme beneficiary", 5),
    (lambda: f"{date()}，在{p()}开展{t()}活动", "time place theme", 8),
    (lambda: f"{date()}，{b()}在{p()}参加{t()}活动", "time place theme beneficiary", 8),
    (lambda: f"{date()}，第三届{t()}活动开幕，主办单位负责人致辞", "time theme", 6),
    (lambda: f"主办单位：\\n主题：{t()}\\n时间：{date()}", "time theme", 4),
    (lambda: R.choice(["活动现场", "现场照片", "合影留念", "活动照片", "工作照"]), "", 6),
    (lambda: f"{date()} 活动现场", "time", 5),
    (lambda: f"项目名称：{pr()}；服务对象：{b()}；服务内容：{c()}；时间：{date()}", "time project theme beneficiary", 8),
    (lambda: f"{date()}，{o()}在{p()}开展{pr()}活动，为{b()}{c()}", "time organizer place project theme beneficiary", 8),
    (lambda: f"{o()}党员志愿者在{p()}为{b()}{c()}，{date()}", "time organizer place theme beneficiary", 8),
    (lambda: f"{date()}，{o()}主办", "time organizer", 5),
    (lambda: f"{t()}活动，地点：{p()}，{date()}", "time place theme", 6),
    (lambda: f"{date()}，志愿者在活动中为{b()}{c()}", "time theme beneficiary", 6),
]


def main():
    seen, rows = set(), []
    for gen, fields, n in TEMPLATES:
        made = 0
        tries = 0
        while made < n and tries < 200:
            tries += 1
            if fields is None:
                cap, keys = gen()
            else:
                cap, keys = gen(), fields.split()
            if cap in seen: continue
            seen.add(cap)
            rows.append((cap, sorted(closure(keys))))
            made += 1
    with open("src/test/resources/captions/corpus.tsv", "w", encoding="utf-8") as f:
        f.write("# caption<TAB>fields present (comma-separated keys); \\n in a caption is a line break.\n")
        f.write("# Written for evcheck (issue 11); generated by tools/gen_caption_corpus.py.\n")
        for cap, keys in rows:
            f.write(cap + "\t" + ",".join(keys) + "\n")
    print(len(rows))


main()
