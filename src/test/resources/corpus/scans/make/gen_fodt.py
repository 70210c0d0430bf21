import base64, subprocess, sys, os
OUT = '/tmp/corp/own'
def seal_b64(seed, text, rgb=None):
    p = f'{OUT}/seal-{seed}.png'
    args = ['/tmp/corp/t.sh', 'seal', p, str(seed), text] + ([str(c) for c in rgb] if rgb else [])
    subprocess.run(args, check=True)
    return base64.b64encode(open(p, 'rb').read()).decode()

BODY = ('为深入贯彻落实全国文明城市创建工作部署，进一步提升城市文明程度和市民文明素质，'
        '经研究决定，在全区卫生健康系统开展文明创建专项行动。现将有关事项通知如下：')
PARAS = ['一、工作目标。以创建全国文明城市为抓手，坚持问题导向，强化责任落实，确保各项测评指标全面达标。',
         '二、主要任务。各单位要对照测评体系，逐项梳理责任清单，完善工作台账，按时报送网上申报材料。',
         '三、工作要求。各单位主要负责同志要亲自部署、亲自督办，确保工作落到实处，取得实效。',
         '四、本通知自印发之日起施行。执行中遇到的问题，请及时向区创建办反馈。']

def fodt(d):
    color = d.get('color', '#E60012')
    title_pt = d.get('title_pt', 36)
    rule = d.get('rule', 'single')  # single, double, star, none
    secret = d.get('secret')
    number = d.get('number')
    seal = d.get('seal')
    pages2 = d.get('two_pages', False)
    auth = d['authority']
    head = []
    if secret:
        head.append(f'<text:p text:style-name="Left">{d.get("copy","000123")}</text:p>')
        head.append(f'<text:p text:style-name="LeftBold">{secret}</text:p>')
    else:
        head.append('<text:p text:style-name="Left"/>')
        head.append('<text:p text:style-name="Left"/>')
    for line in auth.split('\n'):
        head.append(f'<text:p text:style-name="Title">{line}</text:p>')
    head.append('<text:p text:style-name="Body"/>')
    if number:
        head.append(f'<text:p text:style-name="{"NumberRule" if rule in ("single","star") else "Number"}">{number}</text:p>')
    elif rule in ('single', 'star'):
        head.append('<text:p text:style-name="NumberRule"/>')
    if rule == 'double':
        head.append('<text:p text:style-name="DoubleRule"/>')
    body = [f'<text:p text:style-name="DocTitle">{d.get("doctitle","关于开展文明城市创建专项行动的通知")}</text:p>',
            '<text:p text:style-name="Body">各有关单位：</text:p>',
            f'<text:p text:style-name="Indent">{BODY}</text:p>']
    paras = PARAS * (3 if pages2 else 1)
    if d.get('short'): paras = PARAS[:2]
    body += [f'<text:p text:style-name="Indent">{p}</text:p>' for p in paras]
    body.append('<text:p text:style-name="Body"/>')
    sealxml = ''
    if seal:
        b = seal_b64(d['seed'], seal, d.get('seal_rgb'))
        sealxml = (f'<draw:frame draw:style-name="SealFrame" draw:name="seal" text:anchor-type="paragraph" svg:x="{d.get("seal_x","9.2")}cm" svg:y="-1.6cm" '
                   f'svg:width="{d.get("seal_d","4.2")}cm" svg:height="{d.get("seal_d","4.2")}cm" draw:z-index="1"><draw:image><office:binary-data>{b}</office:binary-data></draw:image></draw:frame>')
    body.append(f'<text:p text:style-name="Sign">{sealxml}{d.get("signer", auth.split(chr(10))[0].replace("文件",""))}</text:p>')
    body.append(f'<text:p text:style-name="Sign">{d.get("date","2020年4月16日")}</text:p>')
    border = f'0.06cm solid {color}'
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Serif" svg:font-family="'Noto Serif CJK SC'"/>
 <style:font-face style:name="Sans" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="0.98cm"/><style:text-properties style:font-name="Serif" style:font-name-asian="Serif" fo:font-size="16pt" style:font-size-asian="16pt"/></style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm" fo:margin-bottom="3.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/></style:page-layout>
 <style:style style:name="Left" style:family="paragraph"><style:text-properties style:font-name-asian="Sans" style:font-name="Sans"/></style:style>
 <style:style style:name="LeftBold" style:family="paragraph"><style:text-properties style:font-name-asian="Sans" style:font-name="Sans" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="{title_pt*1.25:.0f}pt"/><style:text-properties fo:color="{color}" fo:font-size="{title_pt}pt" style:font-size-asian="{title_pt}pt" fo:font-weight="bold" style:font-weight-asian="bold" fo:letter-spacing="{d.get("spacing","0.05")}cm"/></style:style>
 <style:style style:name="Number" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="NumberRule" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:border-bottom="{border}" fo:padding-bottom="0.35cm" fo:margin-bottom="0.6cm"/></style:style>
 <style:style style:name="DoubleRule" style:family="paragraph"><style:paragraph-properties fo:border-bottom="0.14cm double {color}" style:border-line-width-bottom="0.08cm 0.03cm 0.03cm" fo:margin-bottom="0.6cm" fo:line-height="0.2cm"/></style:style>
 <style:style style:name="DocTitle" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="1.2cm"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Body" style:family="paragraph"/>
 <style:style style:name="Indent" style:family="paragraph"><style:paragraph-properties fo:text-indent="1.13cm" fo:text-align="justify"/></style:style>
 <style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="1.7cm"/></style:style>
 <style:style style:name="SealFrame" style:family="graphic"><style:graphic-properties style:wrap="run-through" style:run-through="foreground" style:horizontal-pos="from-left" style:horizontal-rel="paragraph" style:vertical-pos="from-top" style:vertical-rel="paragraph"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
{chr(10).join(head + body)}
</office:text></office:body></office:document>'''

DOCS = [
 dict(name='own01', seed=1, authority='连云港市赣榆区卫生健康委员会文件', number='赣卫〔2020〕44号', seal='连云港市赣榆区卫生健康委员会', title_pt=25, short=True),
 dict(name='own02', seed=2, authority='株洲市石峰区人民政府办公室文件', number='石政办发〔2019〕12号', seal='株洲市石峰区人民政府办公室', color='#C00000', title_pt=26),
 dict(name='own03', seed=3, authority='青口中心卫生院文件', number='青卫院〔2019〕7号', seal=None, title_pt=40, spacing='0.3'),
 dict(name='own04', seed=4, authority='赣榆区创建全国文明城市\n工作领导小组办公室文件', number='赣创文办〔2020〕3号', seal='赣榆区创建全国文明城市工作领导小组办公室', title_pt=26),
 dict(name='own05', seed=5, authority='赣马镇卫生院文件', number='赣马卫〔2018〕21号', secret='机密★1年', seal='连云港市赣榆区赣马镇卫生院', title_pt=40, spacing='0.3', short=True),
 dict(name='own06', seed=6, authority='宋庄镇卫生院文件', number='宋卫[2019]5号', seal=None, color='#FF3300', title_pt=40, spacing='0.3'),
 dict(name='own07', seed=7, authority='中共连云港市赣榆区委员会文件', number='赣发〔2020〕9号', rule='star', secret='秘密★6个月', seal=None, title_pt=30),
 dict(name='own08', seed=8, authority='连云港市赣榆区文明办文件', number='赣文明办〔2020〕15号', seal='连云港市赣榆区精神文明建设办公室', title_pt=34, two_pages=True),
 dict(name='own09', seed=9, authority='连云港市赣榆区卫生健康委员会', number='赣卫函〔2020〕31号', rule='double', seal='连云港市赣榆区卫生健康委员会', title_pt=30),
 dict(name='own10', seed=10, authority='石峰区卫生健康局文件', number='石卫发【2020】8号', seal='株洲市石峰区卫生健康局', title_pt=36, seal_rgb=(200, 60, 70)),
 dict(name='own11', seed=11, authority='赣榆区疾病预防控制中心文件', number=None, seal='连云港市赣榆区疾病预防控制中心', title_pt=28, doctitle='部门评价意见'),
 dict(name='own12', seed=12, authority='连云港市赣榆区人民医院文件', number='赣人医〔2020〕102号', secret='绝密★长期', seal='连云港市赣榆区人民医院', title_pt=28, short=True),
]
for d in DOCS:
    open(f'{OUT}/{d["name"]}.fodt', 'w').write(fodt(d))
print('ok', len(DOCS))

NEG = [
 dict(name='neg01', seed=21, authority='关于2019年度志愿服务工作的情况报告', color='#000000', title_pt=20, rule='none', number=None, seal=None, doctitle='青口中心卫生院'),
 dict(name='neg02', seed=22, authority='赣榆区卫生健康委员会', color='#000000', title_pt=22, rule='none', number='赣卫〔2020〕44号', seal='连云港市赣榆区卫生健康委员会', doctitle='关于同意开展志愿服务活动的复函', short=True),
 dict(name='neg03', seed=23, authority='健康教育宣传工作总结', color='#000000', title_pt=22, rule='single', number=None, seal=None, doctitle='一、基本情况', redline=True),
 dict(name='neg04', seed=24, authority='文明创建工作简报', color='#D00000', title_pt=30, rule='none', number='第3期', seal=None, doctitle='赣榆区卫生健康委员会编 2020年4月16日'),
]
for d in NEG:
    x = fodt(d)
    if d.get('redline'):
        x = x.replace('fo:border-bottom="0.06cm solid #000000"', 'fo:border-bottom="0.06cm solid #E60012"')
    open(f'{OUT}/{d["name"]}.fodt', 'w').write(x)
print('neg', len(NEG))
