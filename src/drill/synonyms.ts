// Words that mean the same thing in an interview answer, in English and
// Chinese. A key point that names one of them is covered by an answer that
// names any of them. English forms are compared word by word after light
// stemming ("retransmitted" is "retransmit"); Chinese forms as substrings.
// Hyphens and underscores count as spaces, so "TIME-WAIT", "time_wait" and
// "time wait" are the same form.

/** Each row is one concept. */
export const SYNONYMS: readonly (readonly string[])[] = [
  // Segments and flags
  ['ack', 'acknowledge', 'acknowledgment', 'acknowledgement', 'acked', '确认', '应答'],
  ['syn'],
  ['fin'],
  ['rst', 'reset', 'resets', '复位', '重置'],
  ['syn ack', 'synack', 'syn/ack'],
  ['isn', 'initial sequence number', 'initial sequence', '初始序列号', '初始序号', '起始序号', '初始序列'],
  ['sequence number', 'sequence', 'seq', 'seq number', '序列号', '序号'],
  ['segment', 'packet', '报文段', '报文', '分段', '数据包', '分组'],
  ['data', 'payload', '数据'],
  ['timestamp', 'timestamps', 'tsval', '时间戳'],
  ['window', '窗口'],
  ['option', 'options', '选项'],
  // States
  ['time wait', 'timewait', 'time-wait'],
  ['close wait', 'closewait'],
  ['fin wait', 'fin wait 1', 'fin wait 2', 'finwait'],
  ['last ack'],
  ['syn received', 'syn rcvd', 'syn recv'],
  ['syn sent'],
  ['established', '已建立', '建立连接', '连接建立'],
  ['listen', 'listening', 'listener', '监听'],
  ['state', 'states', '状态'],
  ['synchronized', 'synchronised', 'synchronize', 'synchronise', 'sync', '同步'],
  // Time
  ['msl', 'maximum segment lifetime', '最大报文段生存时间', '报文最大生存时间', '最长报文段寿命', '最大生存时间'],
  ['2msl', 'two msl', '2 msl', '两个 msl', '两倍 msl', '2 倍 msl'],
  ['timer', 'timers', 'timeout', 'time out', 'timed out', '计时器', '定时器', '计时', '超时'],
  ['expire', 'die', 'dies', 'disappear', 'vanish', '过期', '消亡', '消失', '失效'],
  ['clock', '时钟'],
  ['restart', 'restarts', 'reset the timer', '重启', '重新计时', '重新开始'],
  ['immediately', 'at once', 'right away', '立即', '马上', '立刻'],
  ['wait', 'waits', 'waiting', '等待'],
  // Loss and recovery
  ['retransmit', 'retransmission', 'resend', 'retry', 'retries', '重传', '重发', '重试', '再发'],
  ['lost', 'loss', 'lose', 'drop', 'dropped', 'discard', 'discarded', '丢失', '丢包', '丢了', '丢掉', '丢弃', '丢'],
  ['old duplicate', 'stale segment', 'delayed segment', 'old segment', 'old packet', 'stray segment', '旧的重复', '旧报文', '旧的报文', '历史报文', '延迟的报文', '迟到的报文', '滞留', '旧重复', '过时的报文', '被延误的'],
  ['duplicate', 'duplicates', '重复'],
  ['delayed', 'late', '延迟', '迟到', '延误'],
  ['backoff', 'exponential', 'doubles', '退避', '翻倍', '指数'],
  // Who
  ['peer', 'other side', 'other end', 'remote', '对端', '对方', '另一端', '远端'],
  ['client', 'clients', '客户端', '客户'],
  ['server', 'servers', '服务器', '服务端'],
  ['kernel', 'stack', 'operating system', '内核', '协议栈', '操作系统'],
  ['application', 'app', 'process', 'program', 'user space', '应用', '程序', '进程'],
  ['active closer', 'active close', 'closes first', 'close first', '主动关闭', '先关闭'],
  ['passive closer', 'passive close', '被动关闭'],
  ['attacker', 'attack', 'attacks', '攻击'],
  // Connections and queues
  ['connection', 'connections', '连接'],
  ['half open', 'syn queue', 'half open connection', 'incomplete queue', 'syn backlog', '半连接', '半打开', '半开'],
  ['half closed', 'half close', '半关闭'],
  ['accept queue', 'completed queue', '全连接队列', '全连接', 'accept 队列', '已完成队列', '完成队列'],
  ['queue', 'queues', '队列'],
  ['backlog'],
  ['somaxconn'],
  ['overflow', 'overflows', '溢出'],
  ['4 tuple', 'four tuple', 'tuple', 'socket pair', '四元组', '五元组'],
  ['port', 'ports', '端口'],
  ['ephemeral port', 'local port', 'source port', 'ephemeral', '临时端口', '本地端口', '源端口'],
  ['reuse', 'reused', 'reusing', '复用', '重用', '再用'],
  ['pool', 'pooling', 'connection pool', '连接池'],
  ['keepalive', 'keep alive', '长连接', '保活', '持久连接'],
  ['handshake', '握手'],
  ['close', 'closing', 'shutdown', 'closes', '关闭', '关掉'],
  ['end', 'ends', 'terminate', 'finish', '结束', '终止'],
  ['abort', 'kill', '中止', '强制关闭'],
  ['refuse', 'refused', 'reject', 'rejected', '拒绝'],
  ['open', 'opens', 'opening', '打开', '发起'],
  // Actions and qualities
  ['send', 'sends', 'sent', '发送', '发出', '发回'],
  ['reply', 'replies', 'answer', 'answers', 'respond', 'response', '回复', '回应', '答复'],
  ['receive', 'receives', 'received', 'arrive', 'arrives', '收到', '接收', '到达'],
  ['direction', 'directions', 'one way', 'each way', '方向', '单向', '双向'],
  ['independent', 'independently', 'separately', 'on its own', 'each side', '各自', '独立', '分别', '单独', '双方各'],
  ['merge', 'merged', 'combine', 'combined', 'piggyback', 'together', '合并', '捎带', '一起'],
  ['final', 'last', '最后', '最终'],
  ['first', '第一', '首个', '首先'],
  ['third', '第三'],
  ['new', '新的', '新连接'],
  ['spoof', 'spoofed', 'spoofing', 'forged', 'fake', '伪造', '欺骗', '假冒', '冒充'],
  ['predict', 'predictable', 'guess', '猜测', '预测', '猜'],
  ['hash', '哈希', '散列'],
  ['secret', 'secret key', 'key', '密钥', '秘密'],
  ['random', 'randomly', '随机'],
  ['flood', 'flooding', '洪泛', '泛洪', '洪水'],
  ['cookie', 'cookies', 'syn cookie', 'syn cookies', 'syncookies', 'tcp syncookies'],
  ['proxy', 'proxies', '代理'],
  ['filter', 'filtering', 'firewall', '过滤', '防火墙'],
  ['cache', '缓存'],
  ['memory', 'resources', '内存', '资源'],
  ['exhaust', 'exhausted', 'use up', 'run out', 'fill', 'fills', 'full', '耗尽', '占满', '用尽', '用完', '塞满', '填满', '满了'],
  ['descriptor', 'fd', 'file descriptor', '描述符', '句柄'],
  ['leak', 'leaks', '泄漏', '泄露'],
  ['bug', 'bugs', 'mistake', '缺陷', '代码问题'],
  ['error', 'errors', '错误', '报错'],
  ['verify', 'check', 'validate', 'recompute', '校验', '验证', '检查', '重新计算'],
  ['counter', 'counters', '计数器', '计数'],
  ['limit', 'cap', 'maximum', 'max', '上限', '限制', '最大'],
  ['increase', 'increment', 'monotonic', 'grows', 'rising', 'rise', '递增', '增加', '单调', '增长', '上涨', '上升'],
  ['wrap', 'wraps', 'wraparound', '回绕', '绕回'],
  ['silently', 'quietly', 'without telling', '悄悄', '静默', '默默'],
  ['unread', 'unread data', '未读'],
  ['linger', 'so linger'],
  ['reuseaddr', 'so reuseaddr'],
  ['tw reuse', 'tcp tw reuse'],
  ['tw recycle', 'tcp tw recycle'],
  ['tcp fin timeout', 'fin timeout'],
  ['tcp abort on overflow', 'abort on overflow'],
  ['tcp max syn backlog', 'max syn backlog'],
  ['tcp retries2', 'retries2'],
  ['tcp synack retries', 'synack retries'],
  ['tcp user timeout', 'user timeout'],
  ['nat', 'behind nat', 'nat 后'],
  ['negotiate', 'negotiated', 'agree', '协商', '商定'],
  ['choose', 'chosen', 'chooses', 'pick', 'picks', 'select', '选择', '选取', '挑选', '选'],
  ['bandwidth', '带宽'],
  ['cost', 'trade off', 'tradeoff', 'downside', '代价', '取舍', '开销', '缺点'],
  ['crash', 'reboot', 'rebooted', '崩溃', '宕机'],
  ['detect', 'notice', 'discover', 'find out', '发现', '察觉', '检测'],
  ['skip', 'skips', 'skipped', 'bypass', '跳过', '绕过'],
  ['logical', 'logically', '逻辑'],
  ['message', 'messages', '消息'],
  ['think', 'thinks', 'believe', 'believes', '认为', '以为'],
];

/** Concepts (by their first form) that nearly every answer names: they count half, and never cover a point alone. */
export const GENERIC: ReadonlySet<string> = new Set([
  ...['connection', 'data', 'segment', 'state', 'send', 'receive', 'new', 'first', 'client', 'server', 'peer', 'linux', 'rfc'],
  // The four flags are in nearly every TCP answer.
  ...['syn', 'ack', 'fin', 'rst'],
]);

/** Words that carry no meaning of their own in a key point. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for from with and or but if then than so as is are was were be been being it its this that ' +
    'these those there their they them he she we you your our us i me my not no nor only also just both each every any all ' +
    'some one two other else own same into onto out up down over under again further once here when where why how what ' +
    'which who whom while during before after above below between through about against can could should would may might ' +
    'must shall will do does did done has have had having very more most less least many much few per via eg ie etc ' +
    'whether because since until unless though although yet still even ever never always often usually really quite rather ' +
    'reason thing things way ways case cases mean means using use uses used make makes made get gets got let lets give ' +
    'gives given say says said kind instead plus re meaning cause causes tcp e g s ms x y n'
  ).split(/\s+/),
);

/** Chinese words that carry no meaning of their own in a key point. */
export const ZH_STOP_WORDS: readonly string[] = [
  '理由一', '理由二', '理由', '原因', '因为', '所以', '可以', '需要', '如果', '也就是', '就是', '情况', '时候', '通过', '进行',
  '什么', '为什么', '怎么', '这样', '那样', '这个', '那个', '这些', '那些', '一个', '每个', '每一', '其中', '以及', '或者',
  '而是', '而不是', '不是', '只是', '仍然', '依然', '已经', '例如', '比如', '即使', '于是', '然后', '随后', '之后', '之前', '自己',
];

/** Single characters that separate the remaining words of a Chinese key point. */
export const ZH_STOP_CHARS = '的了是在和与或及而就都也会能被把对让使将从向以为由其之这那个一要还再并即则所着过只没不有时中上下里后前给等得地它他她们我你，。、；：？！（）「」“”《》·…—';
