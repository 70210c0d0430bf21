own = {  # name: (header, number, seal_p1, secret)
 'own01': ('y','赣卫〔2020〕44号','y','-'), 'own02': ('y','石政办发〔2019〕12号','y','-'), 'own03': ('y','青卫院〔2019〕7号','n','-'),
 'own04': ('y','赣创文办〔2020〕3号','y','-'), 'own05': ('y','赣马卫〔2018〕21号','y','机密★1年'), 'own06': ('y','宋卫[2019]5号','n','-'),
 'own07': ('y','赣发〔2020〕9号','n','秘密★6个月'), 'own08': ('y','赣文明办〔2020〕15号','n','-'), 'own09': ('y','赣卫函〔2020〕31号','y','-'),
 'own10': ('y','石卫发【2020】8号','y','-'), 'own11': ('y','-','y','-'), 'own12': ('y','赣人医〔2020〕102号','y','绝密★长期'),
}
notes = {'own04':'two-line authority mark','own06':'non-standard brackets [ ]; orange-red','own09':'letter format (信函), no 文件','own10':'non-standard 【】; faded seal ink',
         'own11':'部门评价, no 文号','own02':'dark red (#C00000)'}
p2 = {'own03': 'n', 'own04': 'n', 'own06': 'n', 'own08': 'y'}
neg = {'neg01': ('n','-','n','-','black title report'), 'neg02': ('n','赣卫〔2020〕44号','y','-','black letterhead with 文号 and seal'),
       'neg03': ('n','-','n','-','black title over a red line (no red mark)'), 'neg04': ('n','-','n','-','简报 with red title, no rule: not a 红头 公文')}
ga = {  # p1
 'A4_1': ('n','-','blank template page'), 'cz_1': ('y','?','发电 format: red title, no rule; 文号 split over table cells'),
 'gg_1': ('y','〔2020〕第2号','公告 format: red title, no rule'), 'han_1': ('y','〔2020〕17号','信函 format, red title over a thick red rule'),
 'hyjy_1': ('y','〔2020〕5号','纪要 format: red title, no rule under it'), 'ml_1': ('y','-','令 format: red title, no rule, 第 号 empty'),
 'sx_1': ('y','连政发〔2020〕21号','rule drawn through the 文号 (LibreOffice layout)'), 'sx_2': ('y','株政发〔2020〕8号','joint (2 authorities); rule through 文号'),
 'sx_3': ('y','赣政发〔2020〕30号','joint (3); rule at 50% height, through 文号'), 'sx_4': ('y','?','joint (4); 文号 overprinted by the mark'),
 'tg_1': ('y','赣政通〔2020〕1号','通告 format: red title, no rule'), 'tz_1': ('y','-','red mark over thick rule, no 文号'),
 'xx_1': ('y','连政发〔2020〕12号','rule through 文号'), 'xx_2': ('y','株政〔2020〕6号','joint (2); rule through 文号'),
 'xx_3': ('y','?','joint (3); 文号 overprinted by the mark'), 'xx_4': ('y','石政〔2020〕25号','joint (4); rule through 文号'),
 'zm_1': ('y','-','证明: red mark over thick rule, no 文号'),
}
ga_p2 = ['cz_1-p2','gg_1-p2','han_1-p2','hyjy_1-p2','sx_1-p2','sx_2-p2','sx_3-p2','sx_4-p2','tg_1-p2','tz_1-p2','xx_1-p3','xx_2-p2','xx_3-p2','xx_4-p2','zm_1-p2']
combos = dict(l.split() for l in open('/tmp/corp/img/ownp/combos.txt'))
gcombos = dict(l.split() for l in open('/tmp/corp/img/gap/combos.txt'))
rows = []
def row(f, src, h, n, s, sec, note=''): rows.append('\t'.join([f, src, h, n, s, sec, note]))
for k, (h, n, s, sec) in own.items():
    row(f'own/{k}-p1.jpg', 'own', h, n, s, sec, notes.get(k, ''))
    row(f'own-photo/{k}-p1-photo.jpg', 'own-photo', h, n, s, sec, (notes.get(k, '') + '; ' if k in notes else '') + 'distorted: ' + combos[f'{k}-p1-photo'])
for k, s in p2.items():
    row(f'own/{k}-p2.jpg', 'own', 'n', '-', s, '-', 'last page' + (' (seal page)' if s == 'y' else ''))
row('own-photo/own08-p2-photo.jpg', 'own-photo', 'n', '-', 'y', '-', 'seal page; distorted: ' + combos['own08-p2-photo'])
for k, (h, n, s, sec, note) in neg.items():
    row(f'own/{k}-p1.jpg', 'own', h, n, s, sec, note)
for k, sec, n in [('own01','-','赣卫〔2020〕44号'), ('own05','机密★1年','赣马卫〔2018〕21号'), ('own09','-','赣卫函〔2020〕31号'), ('own12','绝密★长期','赣人医〔2020〕102号'), ('neg02','-','赣卫〔2020〕44号')]:
    row(f'own-grey/{k}-p1-grey.jpg', 'own-grey', 'n', n, 'n', sec, 'greyscale copy of ' + k + ': red cannot be seen (negative by design for red header and seal)')
for k, (h, n, note) in ga.items():
    row(f'ga/ga-{k}-p1.jpg', 'ga', h, n, 'n', '-', note)
    if k != 'A4_1':
        row(f'ga-photo/ga-{k}-p1-photo.jpg', 'ga-photo', h, n, 'n', '-', note + '; distorted: ' + gcombos[f'ga-{k}-p1-photo'])
for k in ga_p2:
    row(f'ga/ga-{k}.jpg', 'ga', 'n', '-', 'n', '-', 'last page')
import sys
open(sys.argv[1], 'w').write('file\tsource\tred_header\tnumber\tseal\tsecret\tnotes\n' + '\n'.join(rows) + '\n')
print(len(rows))
