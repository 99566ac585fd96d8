import type { Lang } from '../content/schema.js';

type Section = [string, Array<[string, string]>];

export const HELP: Record<Lang, Section[]> = {
  en: [
    ['Everywhere', [['?', 'this help'], ['q / Esc', 'back (q on Home quits)'], ['Ctrl+C', 'quit at once; progress is already saved']]],
    ['Menus and lists', [['↑ ↓ / j k', 'move'], ['Enter', 'open']]],
    ['Reading a lesson', [['↑ ↓ / j k', 'scroll a line'], ['PgUp PgDn / Space', 'scroll a page'], ['Home End / g G', 'top, bottom'], ['← → / h l', 'pan a picture wider than the window'], ['p', 'practise this topic'], ['n', 'next lesson']]],
    ['Practice', [['↑ ↓ / j k', 'choose an option'], ['Space', 'tick or untick (multiple choice)'], ['1-9', 'pick an option by number'], ['Enter', 'answer, then next question'], ['t / f', 'true or false'], ['u d / Shift+↑↓', 'move an item up or down (ordering)'], ['← → / Tab', 'state or flags (predict)'], ['PgUp PgDn', 'scroll a long question'], ['1 2 3 4', 'rate yourself: Again, Hard, Good, Easy'], ['s', 'show the answer (open questions)']]],
    ['Settings', [['↑ ↓ / j k', 'choose a row'], ['← → / - +', 'new cards per day −1, +1'], ['PgUp PgDn', 'new cards per day +10, −10'], ['Space', 'tick or untick a topic'], ['a / n', 'tick all, none (none ticked means all)']]],
    ['Labs', [['Enter', 'run the next line; answer a prediction'], ['arrows', 'pick the next state'], ['Tab / Shift+Tab', 'next or previous field'], ['Space / s a f r p', 'tick a flag (SYN ACK FIN RST PSH); n: none'], ['0-9 Backspace', 'type seq and ack'], ['PgUp PgDn ↑ ↓', 'scroll the ladder (↑ ↓ scroll a long intro or summary)'], ['r', 'try the lab again (at the end)']]],
    ['Sandbox', [['← → ↑ ↓ Enter', 'pick a group and an action, run it'], [': or /', 'type a command: Tab completes, ↑↓ recall, an empty Enter goes back to the menus'], ['u', 'undo the last command'], ['s', 'save the session as a .tcp file for tcp-trainer sim'], ['PgUp PgDn', 'scroll the ladder']]],
    ['Interview drill', [['Enter', 'new line (while typing an answer)'], ['Ctrl+D', 'submit the answer (Alt+Enter too)'], ['Space / 1-9', 'tick or untick a key point'], ['Enter', 'confirm the ticks, go on'], ['Esc', 'pause; resume it from Home']]],
    ['Exam', [['Enter', 'record the answer, go to the next question'], ['Tab / Shift+Tab', 'next or previous question, answered or not'], ['Ctrl+F', 'flag or unflag the question'], ['Ctrl+O', 'all questions: answered, unanswered, flagged; Enter jumps'], ['Ctrl+S', 'submit (asks first, says how many are unanswered)'], ['Clock', 'the wall clock: it keeps running while the app is closed; at 00:00 the exam is submitted'], ['f / Tab / p', 'report: filter all, wrong, flagged; p practises the mistakes']]],
  ],
  zh: [
    ['任何地方', [['?', '本帮助'], ['q / Esc', '返回(在首页按 q 退出)'], ['Ctrl+C', '立即退出;进度已经保存']]],
    ['菜单和列表', [['↑ ↓ / j k', '移动'], ['Enter', '打开']]],
    ['阅读课程', [['↑ ↓ / j k', '滚动一行'], ['PgUp PgDn / 空格', '滚动一页'], ['Home End / g G', '到开头、到结尾'], ['← → / h l', '左右平移比窗口宽的图'], ['p', '练习本主题'], ['n', '下一课']]],
    ['练习', [['↑ ↓ / j k', '选择选项'], ['空格', '勾选或取消(多选题)'], ['1-9', '按编号选择'], ['Enter', '作答,然后下一题'], ['t / f', '对或错'], ['u d / Shift+↑↓', '上移或下移(排序题)'], ['← → / Tab', '状态或标志(预测题)'], ['PgUp PgDn', '滚动较长的题目'], ['1 2 3 4', '自评:重来、困难、良好、简单'], ['s', '显示答案(开放题)']]],
    ['设置', [['↑ ↓ / j k', '选择一行'], ['← → / - +', '每天新卡数 −1、+1'], ['PgUp PgDn', '每天新卡数 +10、−10'], ['空格', '勾选或取消主题'], ['a / n', '全选、全不选(都不选即全部)']]],
    ['实验', [['Enter', '运行下一行;提交预测'], ['方向键', '选择下一个状态'], ['Tab / Shift+Tab', '下一个或上一个输入项'], ['空格 / s a f r p', '勾选标志(SYN ACK FIN RST PSH);n:全不选'], ['0-9 退格', '输入 seq 和 ack'], ['PgUp PgDn ↑ ↓', '滚动梯形图(开头和结尾时 ↑ ↓ 滚动说明文字)'], ['r', '再做一次(结束时)']]],
    ['沙盒', [['← → ↑ ↓ Enter', '选择分组和操作并运行'], [': 或 /', '输入命令:Tab 补全,↑↓ 历史,空行按 Enter 回到菜单'], ['u', '撤销上一条命令'], ['s', '把会话保存为 .tcp 文件,供 tcp-trainer sim 重放'], ['PgUp PgDn', '滚动梯形图']]],
    ['面试演练', [['Enter', '换行(输入回答时)'], ['Ctrl+D', '提交回答(也可 Alt+Enter)'], ['空格 / 1-9', '勾选或取消要点'], ['Enter', '确认勾选,继续'], ['Esc', '暂停;可从首页继续']]],
    ['考试', [['Enter', '记录答案,进入下一题'], ['Tab / Shift+Tab', '下一题或上一题(无论是否作答)'], ['Ctrl+F', '标记或取消标记本题'], ['Ctrl+O', '全部题目:已答、未答、已标记;Enter 跳转'], ['Ctrl+S', '交卷(先确认,并说明未答题数)'], ['计时', '按实际时间:关闭程序时也继续计时;00:00 时自动交卷'], ['f / Tab / p', '报告:筛选全部、答错、已标记;p 练习错题']]],
  ],
};
