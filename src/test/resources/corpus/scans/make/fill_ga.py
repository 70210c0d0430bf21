import zipfile, re, sys
src, dst = '/tmp/corp/raw/ga', '/tmp/corp/raw/gaf'
plan = {  # file: (authority city, prefix, seq)
 'cz_1': ('赣榆区', '赣政', 3), 'gg_1': ('赣榆区', None, 2), 'han_1': ('石峰区', '石政函', 17), 'hyjy_1': ('赣榆区', None, 5),
 'sx_1': ('连云港市', '连政发', 21), 'sx_2': ('株洲市', '株政发', 8), 'sx_3': ('赣榆区', '赣政发', 30), 'sx_4': ('石峰区', '石政发', 4),
 'tg_1': ('赣榆区', '赣政通', 1), 'xx_1': ('连云港市', '连政', 12), 'xx_2': ('株洲市', '株政', 6), 'xx_3': ('赣榆区', '赣政', 19),
 'xx_4': ('石峰区', '石政', 25), 'ml_1': ('赣榆区', None, 1), 'tz_1': ('赣榆区', None, 0), 'zm_1': ('石峰区', None, 0),
}
expected = {}
for name, (city, prefix, seq) in plan.items():
    zin = zipfile.ZipFile(f'{src}/{name}.docx')
    zout = zipfile.ZipFile(f'{dst}/{name}.docx', 'w', zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            x = data.decode('utf-8')
            x = x.replace('XXXX人民政府', city + '人民政府').replace('>XXXX<', '>' + city + '<')
            if name == 'gg_1': x = x.replace('〔20XX〕第XX', f'〔2020〕第{seq}')
            if name == 'han_1': x = x.replace('〔2020〕XX号', f'〔2020〕{seq}号')
            if name == 'hyjy_1':
                x = x.replace('〔20XX〕', '〔2020〕', 1); x = re.sub(r'>XX<', f'>{seq}<', x, count=1)
            if name in ('sx_1',):
                x = x.replace('〕号', f'〕{seq}号', 1)
                x = re.sub(r'(<w:t[^>]*>)〔(</w:t>)', r'\1' + prefix + '〔' + r'\2', x, count=1)
            if name in ('sx_2', 'sx_3', 'sx_4', 'xx_3', 'xx_4', 'cz_1'):
                x = x.replace('〔2020〕号', f'{prefix}〔2020〕{seq}号', 1)
            if name in ('xx_1', 'xx_2'):
                x = re.sub(r'>XXX?发?<', f'>{prefix}发<' if name == 'xx_1' else f'>{prefix}<', x, count=1)
                x = re.sub(r'>XX<', '>20<', x, count=1); x = re.sub(r'>XX<', f'>{seq}<', x, count=1)
            if name == 'tg_1': x = x.replace('[此处输入文号]', f'{prefix}〔2020〕{seq}').replace('[此处输入文号', f'{prefix}〔2020〕{seq}')
            x = x.replace('[此处输入文件标题]', '关于开展创建全国文明城市专项行动的通知').replace('[此处输入主送机关]', '各镇人民政府，区各有关部门')
            x = x.replace('[此处输入正文内容]', '为深入推进全国文明城市创建工作，进一步提升城市管理水平，现就有关事项通知如下。')
            data = x.encode('utf-8')
        zout.writestr(item, data)
    zout.close()
    z = zipfile.ZipFile(f'{dst}/{name}.docx').read('word/document.xml').decode()
    t = re.sub(r'<[^>]*>', '', z)
    m = re.search(r'[\u4e00-\u9fff]{0,6}[〔\[][0-9]{4}[〕\]]第?[0-9]+号', t)
    print(name, m.group(0) if m else None)
