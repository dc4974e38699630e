<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AdminPage</name>
        <message>
            <location filename="../../ui/pages/admin/__init__.py" line="33" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/__init__.py" line="34" />
            <source>Printers</source>
            <translation>打印机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/__init__.py" line="35" />
            <source>Policy</source>
            <translation>退货政策</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/__init__.py" line="36" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="94" />
            <source>Approval queue</source>
            <extracomment>How the page asks before a bulk approval; tests replace it.</extracomment>
            <translation>审批队列</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="100" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="102" />
            <source>Bulk approve plain…</source>
            <translation>批量审批简单件…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="113" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="114" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="115" />
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="117" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="121" />
            <source>Why approval</source>
            <translation>审批原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="122" />
            <source>Inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="124" />
            <source>Age</source>
            <translation>等待时长</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="215" />
            <source>Comment (required to reject: the inspector sees it)</source>
            <translation>备注（驳回时必填，质检员可见）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="220" />
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="222" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="247" />
            <source>Bulk approve plain cases</source>
            <translation>批量审批简单件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="252" />
            <source>Approve {count} plain case(s)?</source>
            <translation>批准 {count} 件简单件？</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="254" />
            <source>Total at stake: {totals}</source>
            <translation>涉及总额：{totals}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="257" />
            <source>Each is checked again; any that is no longer plain stays in the queue with the reason.</source>
            <translation>每一件都会重新检查；不再符合简单件条件的会留在队列中并注明原因。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="268" />
            <source>{count} waiting</source>
            <translation>{count} 件待审批</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="269" />
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="272" />
            <source>Bulk approve plain ({count})…</source>
            <translation>批量审批简单件（{count}）…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="301" />
            <source>{m} min</source>
            <translation>{m} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="304" />
            <source>{h} h {m} min</source>
            <translation>{h} 小时 {m} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="306" />
            <source>{d} d {h} h</source>
            <translation>{d} 天 {h} 小时</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="326" />
            <source>Nothing is waiting for approval.</source>
            <translation>没有待审批的件。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="334" />
            <source>RMA {code} · {customer} · {market} · decided by {user} at {station}, {at}</source>
            <translation>退货授权 {code} · {customer} · {market} · 由 {user} 在 {station} 判定，{at}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="350" />
            <source>refund {amount}</source>
            <translation>退款 {amount}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="356" />
            <source>Why approval is needed:</source>
            <translation>需要审批的原因：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="360" />
            <source>Override from {proposed}: {reason}</source>
            <translation>改判（原建议 {proposed}）：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="365" />
            <source>A plain case: it may be approved in bulk.</source>
            <translation>简单件：可以批量审批。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="367" />
            <source>Not a plain case: approve or reject it on its own.</source>
            <translation>不属于简单情形：请单独审批或驳回。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="379" />
            <source>The inspection is not on record.</source>
            <translation>没有这次质检的记录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="382" />
            <source>Grade: {grade} · Finding: {finding}</source>
            <translation>等级：{grade} · 检验结论：{finding}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="387" />
            <source>Serial: {serial}</source>
            <translation>序列号：{serial}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="389" />
            <source>Notes: {notes}</source>
            <translation>备注：{notes}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="390" />
            <source>Checklist:</source>
            <translation>检查清单：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="396" />
            <source>pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="397" />
            <source>FAIL</source>
            <translation>不合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="398" />
            <source>n/a</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="402" />
            <source>Policy reasons:</source>
            <translation>政策依据：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="406" />
            <source>Sent back by {user} at {at}: “{comment}”</source>
            <translation>{user} 于 {at} 驳回：“{comment}”</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="432" />
            <source>Loading {count} photo(s)…</source>
            <translation>正在加载 {count} 张照片…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="434" />
            <source>No photos.</source>
            <translation>没有照片。</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPresenter</name>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="163" />
            <source>Write a comment for the inspector: it says what to check again.</source>
            <translation>请给质检员写备注，说明需要重新检查什么。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="217" />
            <source>{lpn} approved.</source>
            <translation>{lpn} 已批准。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="224" />
            <source>{lpn} sent back to inspection with your comment.</source>
            <translation>{lpn} 已连同你的备注退回质检。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="234" />
            <source>{count} approved.</source>
            <translation>已批准 {count} 件。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="240" />
            <source>{count} not approved, still in the queue:</source>
            <translation>{count} 件未批准，仍在队列中：</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../ui/crash_dialog.py" line="24" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="28" />
            <source>The station hit an unexpected error. Your work so far is kept where possible.</source>
            <translation>工作站遇到意外错误。已尽可能保留你目前的工作。</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="37" />
            <source>Log file: {path}</source>
            <translation>日志文件：{path}</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="46" />
            <source>Copy details</source>
            <translation>复制详情</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="48" />
            <source>Finding</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="30" />
            <source>Back to the dashboard</source>
            <translation>返回看板</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="42" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="43" />
            <source>RMA</source>
            <translation>退货授权</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="44" />
            <source>SKU</source>
            <location filename="../../ui/pages/dashboard_page.py" line="245" />
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="45" />
            <source>Carrier</source>
            <location filename="../../ui/pages/dashboard_page.py" line="249" />
            <location filename="../../ui/pages/dashboard_page.py" line="444" />
            <translation>承运商</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="46" />
            <source>Supplier</source>
            <location filename="../../ui/pages/dashboard_page.py" line="256" />
            <location filename="../../ui/pages/dashboard_page.py" line="443" />
            <translation>供应商</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="47" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="49" />
            <source>Decision</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="50" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="51" />
            <source>Decided</source>
            <translation>判定时间</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="59" />
            <source>SKU {key}</source>
            <translation>SKU {key}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="60" />
            <source>carrier {key}</source>
            <translation>承运商 {key}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="61" />
            <source>supplier {key}</source>
            <translation>供应商 {key}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="63" />
            <source>Units of {what}: {count}</source>
            <translation>{what} 的商品件：{count}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="88" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="89" />
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="90" />
            <source>Last 90 days</source>
            <translation>最近 90 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="91" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="105" />
            <source>all markets</source>
            <translation>全部市场</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="110" />
            <source>all categories</source>
            <translation>全部品类</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="112" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="123" />
            <source>Period</source>
            <translation>时间段</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="129" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="131" />
            <source>Category</source>
            <translation>品类</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="151" />
            <source>flagged</source>
            <translation>已标记</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="153" />
            <source>Return rate per SKU (%)</source>
            <translation>各 SKU 退货率（%）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="156" />
            <source>Carrier damage rate (%)</source>
            <translation>承运商破损率（%）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="160" />
            <source>Grades (units)</source>
            <translation>等级（件）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="161" />
            <source>Dispositions (units)</source>
            <translation>处置（件）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="162" />
            <source>Refunded units per currency</source>
            <translation>按币种的退款件数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="165" />
            <source>Refund and dispute deadlines</source>
            <translation>退款与争议时限</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="165" />
            <location filename="../../ui/pages/dashboard_page.py" line="254" />
            <location filename="../../ui/pages/dashboard_page.py" line="262" />
            <location filename="../../ui/pages/dashboard_page.py" line="266" />
            <source>Units</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="171" />
            <source>Supplier / carrier</source>
            <translation>供应商/承运商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="172" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="173" />
            <location filename="../../ui/pages/dashboard_page.py" line="253" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="174" />
            <source>Claimed</source>
            <translation>索赔金额</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="175" />
            <source>Recovered</source>
            <translation>已追回</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="176" />
            <source>Recovery rate</source>
            <translation>追回率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="179" />
            <source>Recovery rate (%)</source>
            <translation>追回率（%）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="187" />
            <source>Double-click a row to see its units.</source>
            <translation>双击一行查看对应的商品件。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="201" />
            <source>Supplier scorecard</source>
            <translation>供应商评分卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="204" />
            <source>Recovery: every closed batch and filed claim, in any period</source>
            <translation>追偿：所有已结批次与已提交索赔（不限期间）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="209" />
            <source>Stated reason against finding</source>
            <translation>客户退货原因与检验结论对比</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="210" />
            <source>Inspector throughput</source>
            <translation>质检员产能</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="246" />
            <source>Returned</source>
            <translation>退货数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="247" />
            <source>Sold</source>
            <translation>销量</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="248" />
            <source>Return rate</source>
            <translation>退货率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="250" />
            <location filename="../../ui/pages/dashboard_page.py" line="257" />
            <source>Received</source>
            <translation>收货数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="251" />
            <source>Transit damage</source>
            <translation>运输损坏</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="252" />
            <source>Rate</source>
            <translation>比率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="255" />
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="258" />
            <source>Defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="259" />
            <source>Defect rate</source>
            <translation>缺陷率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="260" />
            <source>Chargebacks</source>
            <translation>供应商扣款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="261" />
            <source>Stated reason</source>
            <translation>客户退货原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="263" />
            <source>Found</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="264" />
            <source>Found no fault</source>
            <translation>检验无质量问题</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="265" />
            <source>Inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="267" />
            <source>Inspection hours</source>
            <translation>质检工时</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="268" />
            <source>Units per hour</source>
            <translation>每小时件数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="269" />
            <source>Median time (s)</source>
            <translation>时间中位数（秒）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="277" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="285" />
            <source>Refunds paid on time</source>
            <translation>按时退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="286" />
            <source>Refunds paid late</source>
            <translation>逾期退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="287" />
            <source>Refunds not yet due</source>
            <translation>未到期退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="288" />
            <source>Refunds overdue</source>
            <translation>已逾期退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="289" />
            <source>Dispute evidence not yet due</source>
            <translation>争议证据未到期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="290" />
            <source>Dispute evidence past due</source>
            <translation>争议证据已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="363" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="366" />
            <source>As of {time}</source>
            <translation>截至 {time}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="393" />
            <source>No units were received in this period.</source>
            <translation>该时间段内没有收货。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="401" />
            <source>{units} units received · median inspection time {median}</source>
            <translation>共收货 {units} 件 · 质检时间中位数 {median}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="403" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
    </context>
    <context>
        <name>DashboardPresenter</name>
        <message>
            <location filename="../../ui/presenters/dashboard_presenter.py" line="99" />
            <source>The first day of the period is after its last day.</source>
            <extracomment>A figure that cannot load is not the operator's mistake: no error sound. The local day "today" is; tests replace it.</extracomment>
            <translation>时间段的开始日期晚于结束日期。</translation>
        </message>
    </context>
    <context>
        <name>DatabasePresenter</name>
        <message>
            <location filename="../../ui/presenters/database_presenter.py" line="87" />
            <source>Backed up to {file}: {size}, SHA-256 {sha}.</source>
            <translation>已备份到 {file}：{size}，SHA-256 {sha}。</translation>
        </message>
    </context>
    <context>
        <name>DatabaseTab</name>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="41" />
            <source>This station's database</source>
            <extracomment>How the tab asks for the backup file; tests replace it.</extracomment>
            <translation>本工作站的数据库</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="53" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="54" />
            <source>Location</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="55" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="56" />
            <source>Schema revision</source>
            <translation>结构版本</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="60" />
            <source>Back up now…</source>
            <translation>立即备份…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="71" />
            <source>Restoring a backup replaces the database under every station: stop them all, then run “qc-station restore FILE” on the command line.</source>
            <translation>恢复备份会替换所有工作站使用的数据库：请先停止所有工作站，再在命令行运行“qc-station restore FILE”。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="90" />
            <source>Back up the database</source>
            <translation>备份数据库</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="97" />
            <source>SQLite (this computer)</source>
            <translation>SQLite（本机）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="97" />
            <source>PostgreSQL</source>
            <translation>PostgreSQL</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="101" />
            <source>empty</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/database_tab.py" line="105" />
            <source>Last backup here: {when}.</source>
            <translation>本机上次备份：{when}。</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesPage</name>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="95" />
            <source>Deadlines &amp; disputes</source>
            <extracomment>The item data role holding a row's deadline status (for tests and screen readers' hints). Row colours by deadline status, with dark text for contrast (see the module docstring).</extracomment>
            <translation>时限与争议</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="101" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="108" />
            <source>Deadlines</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="109" />
            <source>Disputes</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="110" />
            <source>Stale claims</source>
            <translation>长时间占用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="111" />
            <source>Reopen a unit</source>
            <translation>重新打开商品件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="131" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="132" />
            <source>Due</source>
            <translation>到期时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="133" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="134" />
            <location filename="../../ui/pages/deadlines_page.py" line="152" />
            <location filename="../../ui/pages/deadlines_page.py" line="212" />
            <location filename="../../ui/pages/deadlines_page.py" line="255" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="135" />
            <location filename="../../ui/pages/deadlines_page.py" line="153" />
            <location filename="../../ui/pages/deadlines_page.py" line="213" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="136" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="137" />
            <source>By</source>
            <translation>负责人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="146" />
            <source>Show disputes closed in the last 14 days</source>
            <translation>显示最近 14 天内结案的争议</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="154" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="155" />
            <source>Disputed</source>
            <translation>争议金额</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="156" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="157" />
            <source>Evidence due</source>
            <translation>证据截止</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="158" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="166" />
            <source>Note (what was sent, what was agreed)</source>
            <translation>备注（发送了什么、达成了什么）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="169" />
            <location filename="../../ui/pages/deadlines_page.py" line="399" />
            <source>Settled amount</source>
            <translation>和解金额</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="175" />
            <source>Evidence sent</source>
            <translation>证据已发送</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="177" />
            <source>Won</source>
            <translation>胜诉</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="179" />
            <source>Lost</source>
            <translation>败诉</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="181" />
            <source>Settled</source>
            <translation>已和解</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="201" />
            <source>Claimed for longer than</source>
            <translation>占用时间超过</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="205" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="214" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="215" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="216" />
            <source>Since</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="217" />
            <source>Held for</source>
            <translation>已占用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="225" />
            <source>Why release it? (required)</source>
            <translation>释放原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="226" />
            <source>Release claim</source>
            <translation>释放占用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="242" />
            <source>A decided unit goes back to inspection; its decision is superseded and an open dispute about it is withdrawn. An exported decision stays in its finance batch.</source>
            <translation>已判定的商品件将退回质检；原处理结果作废，相关的未结争议将撤回。已导出的处理结果仍保留在原财务批次中。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="254" />
            <source>Why? (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="256" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="258" />
            <source>Reopen</source>
            <translation>重新打开</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="310" />
            <source>{overdue} overdue · {soon} due within 4 h · {disputes} open dispute(s)</source>
            <translation>{overdue} 项逾期 · {soon} 项 4 小时内到期 · {disputes} 个未结争议</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="316" />
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="332" />
            <source>OVERDUE</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="333" />
            <source>due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="334" />
            <source>on track</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="340" />
            <source>open</source>
            <translation>未结</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="341" />
            <source>evidence sent</source>
            <translation>证据已发送</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="342" />
            <source>won</source>
            <translation>胜诉</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="343" />
            <source>lost</source>
            <translation>败诉</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="344" />
            <source>settled</source>
            <translation>已和解</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="345" />
            <source>withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="349" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="349" />
            <source>Dispute evidence</source>
            <translation>争议证据</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="380" />
            <source>{h} h {m} min</source>
            <translation>{h} 小时 {m} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="382" />
            <source>{m} min</source>
            <translation>{m} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/deadlines_page.py" line="397" />
            <source>Settled amount ({currency})</source>
            <translation>和解金额（{currency}）</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesPresenter</name>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="110" />
            <source>Evidence for {lpn} recorded as sent.</source>
            <translation>{lpn} 的证据已记录为已发送。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="120" />
            <source>Enter the settled amount in {currency}.</source>
            <translation>请输入和解金额（{currency}）。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="134" />
            <source>Dispute about {lpn} closed.</source>
            <translation>{lpn} 的争议已结案。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="139" />
            <source>Enter the LPN of the decided unit to reopen.</source>
            <translation>请输入要重新打开的已判定件的 LPN。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="142" />
            <source>Write why the unit is reopened; the audit log keeps it.</source>
            <translation>请写明重新打开的原因；审计日志会记录。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="148" />
            <source>{lpn} reopened: it is back in inspection.</source>
            <translation>{lpn} 已重新打开，回到质检中。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="153" />
            <source>Write why the claim is released; the audit log keeps it.</source>
            <translation>请写明释放占用的原因；审计日志会记录。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/deadlines_presenter.py" line="159" />
            <source>{lpn} released from station {station}.</source>
            <translation>{lpn} 已从工作站 {station} 释放。</translation>
        </message>
    </context>
    <context>
        <name>FinancePage</name>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="43" />
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="72" />
            <source>Finance export</source>
            <extracomment>How the page asks for a file name; tests replace it.</extracomment>
            <translation>财务导出</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="77" />
            <source>Next export</source>
            <translation>下一批导出</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="84" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="86" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="94" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="95" />
            <source>RMA</source>
            <translation>退货授权</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="96" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="97" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="98" />
            <source>Resolution</source>
            <translation>处理方式</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="99" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="100" />
            <source>Recovery</source>
            <translation>追偿</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="101" />
            <source>Approved by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="102" />
            <source>Approved at</source>
            <translation>审批时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="116" />
            <source>%v of %m rows</source>
            <translation>%v / %m 行</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="117" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="129" />
            <source>Exported batches</source>
            <translation>已导出批次</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="133" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="134" />
            <source>Exported at</source>
            <translation>导出时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="135" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="136" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="137" />
            <source>Rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="138" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="140" />
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="153" />
            <source>Re-export…</source>
            <translation>重新导出…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="182" />
            <source>Export the finance CSV</source>
            <translation>导出财务 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="194" />
            <source>Write batch {batch} again</source>
            <translation>重新写出批次 {batch}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="221" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="235" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="241" />
            <source>Nothing to export: every final decision has been exported.</source>
            <translation>没有可导出的内容：所有最终处理都已导出。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="245" />
            <source>{count} decision(s) waiting to be exported. Refunds: {totals}</source>
            <translation>{count} 条处理待导出。退款：{totals}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="253" />
            <source>… and {count} more.</source>
            <translation>…… 另有 {count} 条。</translation>
        </message>
    </context>
    <context>
        <name>FinancePresenter</name>
        <message>
            <location filename="../../ui/presenters/finance_presenter.py" line="135" />
            <location filename="../../ui/presenters/finance_presenter.py" line="189" />
            <source>Nothing to export: every final decision has been exported.</source>
            <extracomment>internal: rows written, emitted on the worker thread, delivered queued</extracomment>
            <translation>没有可导出的内容：所有最终处理都已导出。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/finance_presenter.py" line="193" />
            <source>Batch {batch} written again to {file}: {rows} row(s), identical to the export (SHA-256 {sha}).</source>
            <translation>批次 {batch} 已重新写入 {file}：{rows} 行，与原导出完全一致（SHA-256 {sha}）。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/finance_presenter.py" line="197" />
            <source>Exported batch {batch} to {file}: {rows} row(s), SHA-256 {sha}.</source>
            <translation>批次 {batch} 已导出到 {file}：{rows} 行，SHA-256 {sha}。</translation>
        </message>
    </context>
    <context>
        <name>InspectionPage</name>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="53" />
            <source>Grade (keys 1–5 or A–D, X)</source>
            <translation>等级（按键 1–5 或 A–D、X）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="77" />
            <source>Checklist (* required)</source>
            <translation>检查清单（* 为必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="92" />
            <source>— choose the finding —</source>
            <translation>— 选择检验结论 —</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="100" />
            <source>Serial or SKU seen on the item</source>
            <translation>商品上的序列号或 SKU</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="105" />
            <source>Notes (accessories, packaging, damage…)</source>
            <translation>备注（配件、包装、损坏情况…）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="108" />
            <source>Finding</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="112" />
            <source>Keys: {keys}</source>
            <translation>按键：{keys}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="120" />
            <source>Serial</source>
            <translation>序列号</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="124" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="127" />
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="139" />
            <source>Add photos…</source>
            <translation>添加照片…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="141" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="151" />
            <source>Webcam (F6)</source>
            <translation>摄像头（F6）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="156" />
            <source>Take photo (F7)</source>
            <translation>拍照（F7）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="202" />
            <source>Override the proposed decision</source>
            <translation>改判建议结果</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="216" />
            <source>Why? (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="227" />
            <source>Submit (Enter)</source>
            <translation>提交（回车）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="232" />
            <source>Esc: leave and release the unit</source>
            <translation>Esc：离开并释放该件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="250" />
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="251" />
            <source>Fail</source>
            <translation>不合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="252" />
            <source>N/A</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="135" />
            <source>Starting the camera…</source>
            <extracomment>The inspector left the inspection (Esc); the unit's release is under way. The file chooser; tests replace it with a function returning paths. Asks a yes/no question (leave the inspection?); tests replace it. The checklist on screen: its items' keys and each item's Pass/Fail/N/A buttons.</extracomment>
            <translation>正在打开摄像头…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="183" />
            <source>No camera.</source>
            <translation>没有摄像头。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="197" />
            <source>Add photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="197" />
            <source>Images (*.jpg *.jpeg *.png *.webp)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="240" />
            <source>Leave the inspection of {lpn}? What you entered is dropped and the unit is released for any station.</source>
            <translation>离开 {lpn} 的检验？已输入的内容将被丢弃，该件将被释放，任何工位均可领取。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="260" />
            <source>Leave the inspection</source>
            <translation>离开检验</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="262" />
            <source>Leave and release</source>
            <translation>离开并释放</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="263" />
            <source>Keep inspecting</source>
            <translation>继续检验</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="319" />
            <source>unit {n} of {total}</source>
            <translation>第 {n} 件，共 {total} 件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="345" />
            <source>Sent back by {user} on {when}: “{comment}”</source>
            <translation>{user} 于 {when} 驳回：“{comment}”</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="361" />
            <source>{code} · order {order}
{customer} · {market}
“{reason}”</source>
            <translation>{code} · 订单 {order}
{customer} · {market}
“{reason}”</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="377" />
            <source>{count} photo(s)</source>
            <translation>{count} 张照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="379" />
            <source>{needed} required</source>
            <translation>需要 {needed} 张</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="381" />
            <source>preparing {n}…</source>
            <translation>正在处理 {n} 张…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="402" />
            <source>Resolution: {value}</source>
            <translation>处理方式：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="403" />
            <source>Refund: {amount}</source>
            <translation>退款：{amount}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="404" />
            <source>Disposition: {value}</source>
            <translation>处置：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="407" />
            <source>Deduction: {pct} %</source>
            <translation>扣减：{pct} %</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="410" />
            <source>Photos: {missing} more needed</source>
            <translation>照片：还需 {missing} 张</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="416" />
            <source>Needs a supervisor's approval:</source>
            <translation>需要主管审批：</translation>
        </message>
    </context>
    <context>
        <name>InspectionPresenter</name>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="376" />
            <source>Choose a grade: keys 1–5 or A, B, C, D, X.</source>
            <extracomment>the database was unreachable: the inspection is kept on this station (outbox.Journalled)</extracomment>
            <translation>请选择等级：按键 1–5 或 A、B、C、D、X。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="378" />
            <source>Choose a finding.</source>
            <translation>请选择检验结论。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="380" />
            <source>Photos are still being prepared; submit again in a moment.</source>
            <translation>照片仍在处理中，请稍后再提交。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="382" />
            <source>Write why you override the proposed decision.</source>
            <translation>请写明改判的原因。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="416" />
            <source>Choose a grade (keys 1–5 or A–D, X) to see the decision.</source>
            <translation>选择等级（按键 1–5 或 A–D、X）后显示处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="418" />
            <source>Choose a finding to see the decision.</source>
            <translation>选择检验结论后显示处理结果。</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../ui/labels.py" line="49" />
            <source>A · new</source>
            <translation>A · 全新</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="50" />
            <source>B · open box</source>
            <translation>B · 已开箱</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="51" />
            <source>C · used</source>
            <translation>C · 已使用</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="52" />
            <source>D · damaged</source>
            <translation>D · 已损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="53" />
            <source>X · scrap</source>
            <translation>X · 报废</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="59" />
            <source>No fault (changed mind)</source>
            <translation>无质量问题（不想要了）</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="60" />
            <source>Defect</source>
            <translation>质量缺陷</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="61" />
            <source>Transit damage</source>
            <translation>运输损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="62" />
            <location filename="../../ui/labels.py" line="89" />
            <source>Not as described</source>
            <translation>与描述不符</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="63" />
            <source>Customer damage</source>
            <translation>人为损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="64" />
            <source>Missing parts</source>
            <translation>缺少配件</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="65" />
            <source>Wrong item / empty box</source>
            <translation>错发商品 / 空箱</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="72" />
            <source>No longer wanted</source>
            <translation>不想要了</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="73" />
            <source>Found a better price</source>
            <translation>找到更低价格</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="74" />
            <source>Ordered by mistake</source>
            <translation>误购</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="75" />
            <source>Purchase not authorised</source>
            <translation>未经授权的购买</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="76" />
            <source>No reason given</source>
            <translation>未说明原因</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="77" />
            <source>Too small</source>
            <translation>太小</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="78" />
            <source>Too large</source>
            <translation>太大</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="79" />
            <source>Wrong size</source>
            <translation>尺码不合适</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="80" />
            <source>Did not like the style, colour or fabric</source>
            <translation>不喜欢款式、颜色或面料</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="81" />
            <source>Not compatible</source>
            <translation>不兼容</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="82" />
            <source>Too hard to install</source>
            <translation>安装太困难</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="83" />
            <source>Arrived too late</source>
            <translation>到货太晚</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="84" />
            <source>Undeliverable, returned by the carrier</source>
            <translation>无法投递，由承运商退回</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="85" />
            <source>Defective</source>
            <translation>有缺陷</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="86" />
            <source>Quality not acceptable</source>
            <translation>质量不可接受</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="87" />
            <source>Damaged by the carrier</source>
            <translation>承运商运输损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="88" />
            <source>Damaged at the fulfilment centre</source>
            <translation>在配送中心损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="90" />
            <source>Parts missing</source>
            <translation>缺少部件</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="91" />
            <source>Wrong item sent</source>
            <translation>发错商品</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="92" />
            <source>Extra item, not ordered</source>
            <translation>多发的商品，未订购</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="109" />
            <source>RESTOCK</source>
            <translation>重新入库</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="110" />
            <source>REFUND</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="111" />
            <source>EXCHANGE</source>
            <translation>换货</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="112" />
            <source>DISPUTE</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="118" />
            <source>Full refund</source>
            <translation>全额退款</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="119" />
            <source>Partial refund</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="120" />
            <source>Exchange</source>
            <translation>换货</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="121" />
            <source>Dispute</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="128" />
            <source>Supplier chargeback</source>
            <translation>供应商扣款</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="129" />
            <source>Carrier claim</source>
            <translation>物流索赔</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="130" />
            <source>Listing review</source>
            <translation>商品页面审核</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="162" />
            <location filename="../../ui/labels.py" line="185" />
            <source>awaiting approval</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="163" />
            <source>final</source>
            <translation>已生效</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="164" />
            <source>sent back</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="165" />
            <source>superseded</source>
            <translation>已被取代</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="172" />
            <source>Restock</source>
            <translation>重新入库</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="173" />
            <source>Refurbish</source>
            <translation>翻新</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="174" />
            <source>Liquidate</source>
            <translation>清仓</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="175" />
            <source>Scrap</source>
            <translation>报废</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="176" />
            <source>Return to vendor</source>
            <translation>退回供应商</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="177" />
            <source>Hold</source>
            <translation>暂扣</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="183" />
            <source>expected</source>
            <translation>待收货</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="184" />
            <source>in inspection</source>
            <translation>质检中</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="186" />
            <source>decided</source>
            <translation>已判定</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="192" />
            <source>within the return window</source>
            <translation>在退货期限内</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="193" />
            <source>return window exceeded</source>
            <translation>已超出退货期限</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="194" />
            <source>return window unknown</source>
            <translation>退货期限未知</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="204" />
            <source>4 × 6 in</source>
            <translation>4 × 6 英寸</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="205" />
            <source>2 × 1 in</source>
            <translation>2 × 1 英寸</translation>
        </message>
    </context>
    <context>
        <name>LoginPage</name>
        <message>
            <location filename="../../ui/pages/login_page.py" line="50" />
            <source>Returns QC Station</source>
            <translation>退货质检工作站</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="53" />
            <source>Station {station}</source>
            <translation>工作站 {station}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="64" />
            <source>Connecting to the database…</source>
            <translation>正在连接数据库…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="87" />
            <location filename="../../ui/pages/login_page.py" line="145" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="88" />
            <location filename="../../ui/pages/login_page.py" line="147" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="89" />
            <location filename="../../ui/pages/login_page.py" line="112" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="92" />
            <source>Use badge and PIN</source>
            <translation>使用工牌和 PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="110" />
            <source>Scan badge</source>
            <translation>扫描工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="111" />
            <source>PIN</source>
            <translation>PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="115" />
            <source>Use password</source>
            <translation>使用密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="133" />
            <source>No users yet. Create the first administrator; they can add inspectors and supervisors afterwards.</source>
            <translation>还没有用户。请创建第一个管理员，之后由管理员添加质检员和主管。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="146" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="148" />
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="149" />
            <source>Create administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="163" />
            <source>An administrator reset your password. Choose a new one of your own to continue; nobody else should know it.</source>
            <translation>管理员已重置您的密码。请设置一个只有您自己知道的新密码后继续。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="174" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="175" />
            <source>Repeat new password</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="176" />
            <source>Set new password</source>
            <translation>设置新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="179" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="235" />
            <source>Locked after inactivity. {user}, sign in to continue your work.</source>
            <translation>因长时间无操作已锁定。{user}，请登录以继续工作。</translation>
        </message>
    </context>
    <context>
        <name>LoginPresenter</name>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="78" />
            <source>Enter your user name and password.</source>
            <translation>请输入用户名和密码。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="96" />
            <source>Scan your badge and enter your PIN.</source>
            <translation>请扫描工牌并输入 PIN 码。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="112" />
            <location filename="../../ui/presenters/login_presenter.py" line="130" />
            <source>The two passwords differ; type them again.</source>
            <translation>两次输入的密码不一致，请重新输入。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="169" />
            <source>Your password was reset. Sign in with your user name and the new password to choose your own.</source>
            <translation>您的密码已被重置。请使用用户名和管理员提供的新密码登录，然后设置您自己的密码。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="30" />
            <source>Database unreachable — work cannot be saved.</source>
            <translation>无法连接数据库 — 工作无法保存。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="50" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="54" />
            <source>Scan (F2)</source>
            <translation>扫码（F2）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="58" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="61" />
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="64" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="81" />
            <source>Station {station}</source>
            <translation>工作站 {station}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="85" />
            <source>Database: checking…</source>
            <translation>数据库：检查中…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="82" />
            <source>Returns QC Station — {station}</source>
            <extracomment>Short, so an outage shows within seconds (SPEC §10); the check is one cheap query. How unexpected errors are shown; tests replace it.</extracomment>
            <translation>退货质检工作站 — {station}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="226" />
            <source>Not signed in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="229" />
            <source>Locked for {name}</source>
            <translation>已为 {name} 锁定</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="233" />
            <source>{name} ({role})</source>
            <translation>{name}（{role}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="269" />
            <source>Database: OK</source>
            <translation>数据库：正常</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="275" />
            <source>Database unreachable — work cannot be saved. {detail}</source>
            <translation>无法连接数据库 — 工作无法保存。{detail}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="280" />
            <source>Database: unreachable</source>
            <translation>数据库：无法连接</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="386" />
            <source>(waiting for a supervisor's approval)</source>
            <translation>（等待主管审批）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="402" />
            <source>{lpn} released: not inspected, free for any station.</source>
            <translation>{lpn} 已释放：未检验，任何工位均可领取。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="407" />
            <source>{lpn} may still be held by this station: {why}</source>
            <translation>{lpn} 可能仍被本工位占用：{why}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="450" />
            <source>{count} inspection(s) waiting to be sent; kept on this station.</source>
            <translation>{count} 条质检记录待发送，已保存在本工作站。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="456" />
            <source>{count} kept inspection(s) refused by the server — {first}</source>
            <translation>{count} 条本地保存的质检记录被服务器拒绝 — {first}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="465" />
            <source>Policy {hash}, activated at another station, is now in force.</source>
            <translation>其他工作站启用的政策 {hash} 现已生效。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="473" />
            <source>The database is unreachable: the inspection is kept on this station.</source>
            <translation>无法连接数据库：本次质检已保存在本工作站。</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="57" />
            <source>Unknown code {code}: no RMA or unit has it.</source>
            <translation>未知条码 {code}：没有对应的退货授权或商品件。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="63" />
            <source>There is no open vendor-return batch for supplier {party}.</source>
            <translation>供应商 {party} 没有未结的退回供应商批次。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="68" />
            <source>There is no open claim for carrier {party}.</source>
            <translation>承运商 {party} 没有未提交的物流索赔。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="73" />
            <source>There is no vendor-return batch or carrier claim {case}.</source>
            <translation>没有编号为 {case} 的退回供应商批次或物流索赔。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="82" />
            <source>Unit {lpn} is already decided; a supervisor can reopen it.</source>
            <translation>商品件 {lpn} 已判定；主管可以重新打开。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="87" />
            <source>Unit {lpn} is waiting for a supervisor's approval.</source>
            <translation>商品件 {lpn} 正在等待主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="92" />
            <source>The units of {case} are locked: it is no longer open.</source>
            <translation>{case} 已不再开放，其中的单件已锁定。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="97" />
            <source>{case} cannot take this step in its present state; refresh and look again.</source>
            <translation>{case} 在当前状态下不能执行此操作；请刷新后重新查看。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="106" />
            <source>Unit {lpn} is being inspected at station {station} by {user} since {since}.</source>
            <translation>商品件 {lpn} 自 {since} 起正由 {user} 在工作站 {station} 质检。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="111" />
            <source>Unit {lpn} is being inspected at station {station} by {user}.</source>
            <translation>商品件 {lpn} 正由 {user} 在工作站 {station} 质检。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="120" />
            <source>{missing} more photo(s) needed before this decision can be submitted.</source>
            <translation>还需要 {missing} 张照片才能提交此处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="131" />
            <source>Your account was deactivated: ask an admin.</source>
            <translation>您的账户已被停用：请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="136" />
            <source>Your account is locked until {until}: ask an admin.</source>
            <translation>您的账户已锁定至 {until}：请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="141" />
            <source>Your account no longer exists: ask an admin.</source>
            <translation>您的账户已不存在：请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="146" />
            <source>Your password was reset: sign out and choose a new one.</source>
            <translation>您的密码已被重置：请退出登录并设置新密码。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="153" />
            <source>Account {username} is locked after too many failed attempts; try again later or ask an admin.</source>
            <translation>账号 {username} 因多次登录失败已被锁定；请稍后再试或联系管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="158" />
            <source>Wrong user name or password.</source>
            <translation>用户名或密码错误。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="167" />
            <source>Unknown currency {value}: use a three-letter code such as USD, EUR or CNY.</source>
            <translation>未知币种 {value}：请使用三位字母代码，如 USD、EUR 或 CNY。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="172" />
            <source>The market must be a two-letter country code, such as US, DE or CN.</source>
            <translation>市场必须是两位字母的国家代码，如 US、DE 或 CN。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="177" />
            <source>Enter the SKU printed on the item.</source>
            <translation>请输入商品上印的 SKU。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="180" />
            <source>The price must not be negative.</source>
            <translation>价格不能为负数。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="185" />
            <source>A batch of {units} unit(s) ships in 1 to {units} cartons; {value} cannot be right.</source>
            <translation>共 {units} 件的批次应装 1 至 {units} 箱；{value} 箱不正确。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="191" />
            <source>This batch or claim claims no {value}; its currencies are {currencies}.</source>
            <translation>此批次或索赔没有以 {value} 计的金额；其币种为 {currencies}。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="196" />
            <source>Say which currency the payment is in: this batch or claim claims {currencies}.</source>
            <translation>请注明付款币种：此批次或索赔涉及 {currencies}。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="201" />
            <source>{value} {currency} is too much: at most {limit} {currency} can be accepted here.</source>
            <translation>{value} {currency} 过多：此处最多可接受 {limit} {currency}。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="206" />
            <source>{value} has more decimals than {currency} allows.</source>
            <translation>{value} 的小数位数超过 {currency} 允许的位数。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="211" />
            <source>This case has no number yet: close the batch (or file the claim) first.</source>
            <translation>此案件尚无编号：请先结批（或提交索赔）。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="216" />
            <source>This batch or claim has no units: there is nothing to close.</source>
            <translation>此批次或索赔没有单件，无可结批。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="221" />
            <source>The quantity must be between 1 and 100.</source>
            <translation>数量必须在 1 到 100 之间。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="230" />
            <source>You reopened unit {lpn}: another supervisor must approve its new decision.</source>
            <translation>您重新打开了单件 {lpn}：其新处置决定须由另一位主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="235" />
            <source>Your role was changed to {role}: sign out and sign in again.</source>
            <translation>您的角色已变更为 {role}：请退出后重新登录。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="240" />
            <source>Your role ({role}) may not do this; ask a supervisor.</source>
            <translation>你的角色（{role}）无权进行此操作，请联系主管。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="248" />
            <source>No camera: is the webcam plugged in and not in use by another program?</source>
            <translation>没有摄像头：请检查摄像头是否已连接，且未被其他程序占用。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="255" />
            <source>The camera stopped giving a picture; check its cable, then turn it on again.</source>
            <translation>摄像头没有画面了；请检查连接线，然后重新打开。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="262" />
            <source>This grade and finding cannot both be true; check them.</source>
            <translation>该等级与检验结论相互矛盾，请检查。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="269" />
            <source>{lpn}: inspected, waiting here for the database to come back. No second inspection.</source>
            <translation>{lpn}：已质检，结果暂存本工位，待数据库恢复后提交。无需再次质检。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="299" />
            <source>Something went wrong: {detail}</source>
            <translation>出错了：{detail}</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="307" />
            <source>Needs approval: the unit was reopened by {user}; someone else must approve its new decision</source>
            <translation>需要审批：该单件由 {user} 重新打开，其新处置决定须由其他人审批</translation>
        </message>
    </context>
    <context>
        <name>PolicyPresenter</name>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="112" />
            <source>Choose a valid policy file first.</source>
            <translation>请先选择一个有效的政策文件。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="115" />
            <source>Say why the policy changes: a note is required.</source>
            <translation>请说明修改政策的原因：备注为必填。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="142" />
            <source>This policy file is not valid; nothing was changed.</source>
            <translation>该政策文件无效；未做任何更改。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="151" />
            <source>Policy {hash} is now active; other stations switch to it within 15 seconds.</source>
            <translation>政策 {hash} 已生效；其他工作站将在 15 秒内切换到该政策。</translation>
        </message>
    </context>
    <context>
        <name>PolicyTab</name>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="40" />
            <source>Policy files (*.toml);;All files (*)</source>
            <translation>政策文件 (*.toml);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="55" />
            <source>Active policy</source>
            <extracomment>How the tab asks for a policy file; tests replace it.</extracomment>
            <translation>当前政策</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="67" />
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="70" />
            <source>Activated at</source>
            <translation>启用时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="72" />
            <source>Policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="74" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="75" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="76" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="84" />
            <source>New policy</source>
            <translation>新政策</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="87" />
            <location filename="../../ui/pages/admin/policy_tab.py" line="167" />
            <source>No file chosen.</source>
            <translation>未选择文件。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="90" />
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="105" />
            <source>Why the policy changes (kept in its history)</source>
            <translation>修改政策的原因（记入历史）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="107" />
            <source>Activate</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="128" />
            <source>Choose a policy file</source>
            <translation>选择政策文件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="145" />
            <source>SHA-256 {hash}
No policy was activated yet: each station uses its policy file; this is this station's.</source>
            <translation>SHA-256 {hash}
尚未启用统一政策：各工作站使用各自的政策文件；这是本工作站的。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="151" />
            <source>SHA-256 {hash}
Activated by {user} at {station}, {when}.</source>
            <translation>SHA-256 {hash}
由 {user} 在 {station} 启用，{when}。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="159" />
            <source>This station started with another policy; it uses this one from its next start.</source>
            <translation>本工作站启动时使用的是另一份政策；下次启动起使用这一份。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="179" />
            <source>Valid. SHA-256 {hash}…</source>
            <translation>有效。SHA-256 {hash}…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="184" />
            <source>On the {cases} example cases, {changed} outcome(s) change.</source>
            <translation>在 {cases} 个示例中，有 {changed} 个处理结果会改变。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/policy_tab.py" line="194" />
            <source>Checking…</source>
            <translation>检查中…</translation>
        </message>
    </context>
    <context>
        <name>PrintCenter</name>
        <message>
            <location filename="../../ui/printing/print_center.py" line="184" />
            <source>{title} was not printed and waits in the print queue: {error}</source>
            <translation>{title} 未打印，已留在打印队列中：{error}</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="48" />
            <source>Print preview — {title}</source>
            <translation>打印预览 — {title}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="55" />
            <source>Rendering…</source>
            <translation>正在生成…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="66" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="69" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="102" />
            <source>{count} page(s)</source>
            <translation>共 {count} 页</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="105" />
            <source>The preview cannot be shown: {error}</source>
            <translation>无法显示预览：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="120" />
            <source>Not saved: {error}</source>
            <translation>未保存：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="123" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="127" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="127" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>PrintQueuePage</name>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="42" />
            <location filename="../../ui/printing/queue_page.py" line="240" />
            <source>Print queue</source>
            <translation>打印队列</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="46" />
            <source>Labels and reports that a printer has not taken yet. Nothing here is lost: fix the printer, then retry.</source>
            <translation>打印机尚未接收的标签和报告。这里的内容不会丢失：修好打印机后重试即可。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="57" />
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="58" />
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="58" />
            <source>(none set)</source>
            <translation>（未设置）</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="60" />
            <source>Queued</source>
            <translation>排队时间</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="63" />
            <source>Tries</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="64" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="72" />
            <source>Every job has been printed.</source>
            <translation>所有任务均已打印。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="75" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="76" />
            <source>Retry all</source>
            <translation>全部重试</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="77" />
            <source>Discard…</source>
            <translation>放弃…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="78" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="95" />
            <source>LPN or RMA code</source>
            <translation>LPN 或 RMA 编号</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="96" />
            <source>Label…</source>
            <translation>标签…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="97" />
            <source>Report…</source>
            <translation>报告…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="98" />
            <source>Reprint last label</source>
            <translation>重新打印上一张标签</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="103" />
            <source>Preview and print:</source>
            <translation>预览并打印：</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="158" />
            <source>{title} sent to {printer}.</source>
            <translation>{title} 已发送到 {printer}。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="178" />
            <source>Discard {title}? It will not be printed.</source>
            <translation>放弃 {title}？它将不会被打印。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="211" />
            <source>No label has been printed at this station yet.</source>
            <translation>本工作站尚未打印过标签。</translation>
        </message>
    </context>
    <context>
        <name>PrintersPresenter</name>
        <message>
            <location filename="../../ui/presenters/printers_presenter.py" line="110" />
            <source>Unknown setting: {key}</source>
            <extracomment>The settings this tab edits, in the order shown.</extracomment>
            <translation>未知设置：{key}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/printers_presenter.py" line="135" />
            <source>Saved in {file}; this station prints with these settings now.</source>
            <translation>已保存到 {file}；本工作站现在按这些设置打印。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/printers_presenter.py" line="143" />
            <source>Could not write the config file: {detail}</source>
            <translation>无法写入配置文件：{detail}</translation>
        </message>
    </context>
    <context>
        <name>PrintersTab</name>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="48" />
            <source>This station's printers</source>
            <translation>本工作站的打印机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="56" />
            <source> dpi</source>
            <translation> dpi</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="58" />
            <source>Label printer</source>
            <translation>标签打印机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="59" />
            <source>Label size</source>
            <translation>标签尺寸</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="60" />
            <source>Label printer resolution</source>
            <translation>标签打印机分辨率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="61" />
            <source>Document printer</source>
            <translation>文档打印机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="62" />
            <source>Report page size</source>
            <translation>报告纸张尺寸</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="75" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="128" />
            <source>Saved in {file}. {count} printer(s) found on this computer.</source>
            <translation>已保存到 {file}。本机找到 {count} 台打印机。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="135" />
            <source>Set by an environment variable, which wins over the file: {keys}</source>
            <translation>以下设置由环境变量指定，优先于配置文件：{keys}</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="62" />
            <source>Carrier claim</source>
            <translation>承运商索赔</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="62" />
            <source>Vendor return</source>
            <extracomment>The item data role holding a case's id (cases table) or a unit's LPN (units table). A unit of the selected case, and whether that case is a carrier claim (its tracking shows).</extracomment>
            <translation>退供应商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="67" />
            <source>Open</source>
            <translation>未结</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="68" />
            <source>Closed</source>
            <translation>已结</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="69" />
            <source>Filed</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="70" />
            <source>Partly paid</source>
            <translation>部分赔付</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="71" />
            <source>Paid</source>
            <translation>已赔付</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="72" />
            <source>Denied</source>
            <location filename="../../ui/pages/recovery_page.py" line="195" />
            <translation>已拒赔</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="82" />
            <source>overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="84" />
            <source>due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="111" />
            <source>Recovery: vendor returns and carrier claims</source>
            <translation>追偿：退供应商与承运商索赔</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="114" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="131" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="132" />
            <source>(open)</source>
            <translation>（未结）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="137" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="138" />
            <source>Supplier / carrier</source>
            <translation>供应商/承运商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="139" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="140" />
            <source>Units</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="141" />
            <location filename="../../ui/pages/recovery_page.py" line="153" />
            <source>Claimed</source>
            <translation>索赔金额</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="142" />
            <source>Recovered</source>
            <translation>已追回</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="143" />
            <source>Claim by</source>
            <translation>索赔截止</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="149" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="150" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="151" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="152" />
            <source>Finding</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="154" />
            <source>Tracking</source>
            <translation>运单号</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="155" />
            <source>Taken out</source>
            <translation>已移出</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="164" />
            <source>Close batch / file claim…</source>
            <translation>结批/提交索赔…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="167" />
            <source>Cartons:</source>
            <translation>箱数：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="172" />
            <source>Write documents again…</source>
            <translation>重新生成单据…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="176" />
            <source>Why take the unit out? (required)</source>
            <translation>移出原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="177" />
            <source>Take unit out</source>
            <translation>移出该件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="190" />
            <source>Amount received</source>
            <translation>收到金额</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="193" />
            <source>Currency (if several)</source>
            <translation>币种（多币种时填写）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="199" />
            <source>Note (remittance reference, reason)</source>
            <translation>备注（汇款参考号、原因）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="200" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="231" />
            <source>Folder for the documents</source>
            <translation>单据保存文件夹</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPresenter</name>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="96" />
            <source>Select an open batch or claim first.</source>
            <translation>请先选择一个未结的批次或索赔。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="99" />
            <location filename="../../ui/presenters/recovery_presenter.py" line="138" />
            <source>Choose an existing folder for the documents.</source>
            <translation>请为单据选择一个已存在的文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="113" />
            <source>Between 1 and {units} cartons: no carton may be empty.</source>
            <translation>箱数须在 1 至 {units} 之间：不能有空箱。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="129" />
            <source>{number} closed; its documents are in {folder}.</source>
            <translation>{number} 已结，单据已保存到 {folder}。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="135" />
            <location filename="../../ui/presenters/recovery_presenter.py" line="169" />
            <source>Select a closed batch or a filed claim first.</source>
            <translation>请先选择一个已结批次或已提交的索赔。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="148" />
            <source>The documents of {number} are in {folder}.</source>
            <translation>{number} 的单据已保存到 {folder}。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="153" />
            <source>Select the unit to take out of the batch.</source>
            <translation>请选择要从批次中移出的商品件。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="156" />
            <source>Write why the unit is taken out; the audit log keeps it.</source>
            <translation>请填写移出原因；审计日志会记录。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="162" />
            <source>{lpn} taken out of the batch.</source>
            <translation>{lpn} 已从批次中移出。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="174" />
            <source>Enter the amount received, or mark the claim denied.</source>
            <translation>请输入收到的金额，或标记为已拒赔。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="190" />
            <source>{number} recorded as denied.</source>
            <translation>{number} 已记录为拒赔。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/recovery_presenter.py" line="190" />
            <source>Payment on {number} recorded.</source>
            <translation>{number} 的赔付已记录。</translation>
        </message>
    </context>
    <context>
        <name>RmaPanelWidget</name>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="36" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="37" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="38" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="39" />
            <source>Stated reason</source>
            <translation>客户退货原因</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="40" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="41" />
            <source>Since delivery</source>
            <translation>签收至今</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="42" />
            <source>Window</source>
            <translation>退货期限</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="43" />
            <source>Units</source>
            <translation>商品件</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="70" />
            <source>wants an exchange</source>
            <translation>要求换货</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="72" />
            <source>wants a refund</source>
            <translation>要求退款</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="77" />
            <source>delivery date unknown</source>
            <translation>签收日期未知</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="79" />
            <source>{days} days</source>
            <translation>{days} 天</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="81" />
            <source>(estimated from the order date)</source>
            <translation>（按下单日期估算）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="88" />
            <source>({days} of {limit} days)</source>
            <translation>（第 {days} 天，共 {limit} 天）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="107" />
            <source>at {station}</source>
            <translation>在 {station}</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="215" />
            <source>inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="216" />
            <source>supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="217" />
            <source>admin</source>
            <translation>管理员</translation>
        </message>
    </context>
    <context>
        <name>ScanPage</name>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="43" />
            <source>Scan the RMA barcode or the unit label</source>
            <translation>扫描退货授权条码或商品件标签</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="51" />
            <source>Scan or type a code, then Enter</source>
            <translation>扫码或输入条码，然后按回车</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="54" />
            <source>Camera (F4)</source>
            <translation>摄像头（F4）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="67" />
            <source>Create an unexpected return (F8)</source>
            <translation>创建无单退货（F8）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="119" />
            <source>Starting the camera…</source>
            <translation>正在打开摄像头…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="159" />
            <source>No camera.</source>
            <translation>没有摄像头。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="176" />
            <source>Looking up {code}…</source>
            <translation>正在查找 {code}…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="191" />
            <source>No picture</source>
            <translation>无画面</translation>
        </message>
    </context>
    <context>
        <name>ScanPresenter</name>
        <message>
            <location filename="../../ui/presenters/scan_presenter.py" line="94" />
            <source>Scan an RMA barcode or a unit label.</source>
            <extracomment>The last scan found nothing: the page offers "Create an unexpected return (F8)". Why the camera shows no picture (inline, under the preview); "" when it is fine.</extracomment>
            <translation>请扫描退货授权条码或商品件标签。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/scan_presenter.py" line="154" />
            <source>This RMA has no units to inspect.</source>
            <translation>该退货授权没有需要质检的商品件。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="42" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="58" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="60" />
            <source>A new language takes effect when the station is restarted.</source>
            <translation>新的语言在工作站重启后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="71" />
            <source>Volume</source>
            <translation>音量</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="72" />
            <source>Mute the success and error sounds</source>
            <translation>关闭成功和错误提示音</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="79" />
            <source>0 = the first webcam, 1 = the second…</source>
            <translation>0 = 第一个摄像头，1 = 第二个…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="80" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
    </context>
    <context>
        <name>StationsPage</name>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="37" />
            <source>Stations and the units they hold</source>
            <translation>工作站及其占用的商品件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="45" />
            <source>Station / unit</source>
            <translation>工作站 / 商品件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="46" />
            <source>Status / user</source>
            <translation>状态 / 用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="47" />
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="48" />
            <source>Last seen / since</source>
            <translation>最后在线 / 开始时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="49" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="58" />
            <source>Reason for releasing the claim</source>
            <translation>释放占用的原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="60" />
            <location filename="../../ui/pages/stations_page.py" line="86" />
            <source>Release claim</source>
            <translation>释放占用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="64" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="99" />
            <source>Release the claim on {lpn}? The station holding it loses it; its inspection there cannot be submitted until it scans the unit again.</source>
            <translation>释放对 {lpn} 的占用？占用它的工作站将失去该件；在重新扫描之前，那里的质检无法提交。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="110" />
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="110" />
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <location filename="../../ui/pages/stations_page.py" line="117" />
            <source>stale</source>
            <translation>无响应</translation>
        </message>
    </context>
    <context>
        <name>StationsPresenter</name>
        <message>
            <location filename="../../ui/presenters/stations_presenter.py" line="62" />
            <source>Claim on {lpn} released; any station may take the unit now.</source>
            <translation>{lpn} 的占用已释放；任何工作站现在都可以处理该件。</translation>
        </message>
    </context>
    <context>
        <name>UnexpectedReturnPage</name>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="51" />
            <source>Unexpected return: a parcel without an RMA</source>
            <translation>无单退货：没有退货授权的包裹</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="58" />
            <source>Its decision always needs a supervisor's approval. * = required</source>
            <translation>其处理结果一律需要主管审批。* 为必填</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="64" />
            <source>SKU *</source>
            <translation>SKU *</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="64" />
            <source>as printed on the item; Enter looks it up</source>
            <translation>按商品上印的填写；按回车查询</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="65" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="65" />
            <source>from the catalog, or type it</source>
            <translation>取自商品目录，或手动输入</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="66" />
            <source>Market *</source>
            <translation>市场 *</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="66" />
            <source>two letters: US, DE, CN…</source>
            <translation>两位字母：US、DE、CN…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="67" />
            <source>Currency *</source>
            <translation>币种 *</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="67" />
            <source>USD, EUR, CNY…</source>
            <translation>USD、EUR、CNY…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="68" />
            <source>Price *</source>
            <translation>价格 *</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="68" />
            <source>unit price, such as 19.99</source>
            <translation>单价，如 19.99</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="69" />
            <source>Reason</source>
            <translation>退货原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="69" />
            <source>what the parcel or its note says</source>
            <translation>包裹或附言上写的内容</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="70" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="70" />
            <source>order number, if known</source>
            <translation>订单号（如已知）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="71" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="72" />
            <source>Carrier</source>
            <translation>承运商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="73" />
            <source>Tracking</source>
            <translation>运单号</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="74" />
            <source>Category</source>
            <translation>品类</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="74" />
            <location filename="../../ui/pages/unexpected_return_page.py" line="75" />
            <source>from the catalog</source>
            <translation>取自商品目录</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="75" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="94" />
            <source>Look up</source>
            <translation>查询</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="111" />
            <source>Cancel (Esc)</source>
            <translation>取消（Esc）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="113" />
            <source>Create and inspect (Ctrl+Enter)</source>
            <translation>创建并质检（Ctrl+回车）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/unexpected_return_page.py" line="158" />
            <source>Scanned: {code}</source>
            <translation>已扫描：{code}</translation>
        </message>
    </context>
    <context>
        <name>UnexpectedReturnPresenter</name>
        <message>
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="173" />
            <source>Enter the SKU printed on the item.</source>
            <translation>请输入商品上印的 SKU。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="143" />
            <source>SKU {sku} is not in the catalog: type the product's name and price.</source>
            <extracomment>What the catalog said about the SKU: "" before a lookup. Bumped when the presenter changed the form (a lookup, a reset): the page re-reads it.</extracomment>
            <translation>SKU {sku} 不在商品目录中：请手动输入商品名称和价格。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="160" />
            <source>Found in the catalog: {name}</source>
            <translation>已在商品目录中找到：{name}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="175" />
            <source>Enter the market (two letters, such as US or DE).</source>
            <translation>请输入市场（两位字母，如 US 或 DE）。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="177" />
            <source>Enter the currency (such as USD, EUR or CNY).</source>
            <translation>请输入币种（如 USD、EUR 或 CNY）。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="180" />
            <source>Enter the price as a number, such as 19.99.</source>
            <translation>请以数字输入价格，如 19.99。</translation>
        </message>
    </context>
    <context>
        <name>UsersPresenter</name>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="77" />
            <location filename="../../ui/presenters/users_presenter.py" line="113" />
            <source>The two passwords are not the same.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="105" />
            <source>{user} is now {role}.</source>
            <translation>{user} 现在是{role}。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="118" />
            <source>The password of {user} was reset; a lockout is lifted.</source>
            <translation>{user} 的密码已重置，锁定已解除。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="128" />
            <source>Scan or type the badge and enter its PIN.</source>
            <translation>请扫描或输入工牌号，并输入 PIN 码。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="134" />
            <source>{user} can now sign in with the badge.</source>
            <translation>{user} 现在可以用工牌登录。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="144" />
            <source>The badge of {user} was removed.</source>
            <translation>{user} 的工牌已移除。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="155" />
            <source>{user} can sign in again.</source>
            <translation>{user} 可以重新登录了。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="160" />
            <source>{user} is deactivated and can no longer sign in.</source>
            <translation>{user} 已停用，无法再登录。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="167" />
            <source>Select a user first.</source>
            <translation>请先选择一个用户。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/users_presenter.py" line="195" />
            <source>Added {user} as {role}.</source>
            <translation>已添加 {user}，角色为{role}。</translation>
        </message>
    </context>
    <context>
        <name>UsersTab</name>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="64" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="65" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="66" />
            <location filename="../../ui/pages/admin/users_tab.py" line="107" />
            <location filename="../../ui/pages/admin/users_tab.py" line="131" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="68" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="69" />
            <source>active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="69" />
            <source>deactivated</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="71" />
            <location filename="../../ui/pages/admin/users_tab.py" line="110" />
            <location filename="../../ui/pages/admin/users_tab.py" line="148" />
            <source>Badge</source>
            <translation>工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="73" />
            <source>Locked until</source>
            <translation>锁定至</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="96" />
            <source>Add a user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="98" />
            <source>e.g. li.wei</source>
            <translation>例如 li.wei</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="103" />
            <source>optional: scan the badge</source>
            <translation>可选：扫描工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="104" />
            <location filename="../../ui/pages/admin/users_tab.py" line="140" />
            <source>4 to 8 digits</source>
            <translation>4 到 8 位数字</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="105" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="106" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="108" />
            <source>Initial password</source>
            <translation>初始密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="109" />
            <location filename="../../ui/pages/admin/users_tab.py" line="137" />
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="111" />
            <location filename="../../ui/pages/admin/users_tab.py" line="149" />
            <source>PIN</source>
            <translation>PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="112" />
            <source>Add user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="119" />
            <source>Selected user</source>
            <translation>所选用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="127" />
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="134" />
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="136" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="139" />
            <source>scan the badge</source>
            <translation>扫描工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="142" />
            <source>Set badge and PIN</source>
            <translation>设置工牌和 PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="144" />
            <source>Remove badge</source>
            <translation>移除工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="243" />
            <source>Select a user in the list.</source>
            <translation>请在列表中选择一个用户。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="244" />
            <location filename="../../ui/pages/admin/users_tab.py" line="254" />
            <source>Deactivate</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="254" />
            <source>Reactivate</source>
            <translation>重新启用</translation>
        </message>
    </context>
    <context>
        <name>Workspaces</name>
        <message>
            <location filename="../../ui/workspaces.py" line="121" />
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="129" />
            <source>Deadlines &amp;&amp; disputes</source>
            <translation>时限与争议</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="137" />
            <source>Dashboard</source>
            <translation>看板</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="145" />
            <source>Finance</source>
            <translation>财务</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="153" />
            <source>Recovery</source>
            <translation>追偿</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="160" />
            <source>Administration</source>
            <translation>系统管理</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="167" />
            <source>Stations</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="175" />
            <source>Print queue</source>
            <translation>打印队列</translation>
        </message>
    </context>
</TS>
