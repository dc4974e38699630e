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
        <name>ApprovalWhy</name>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="58" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="39" />
            <source>No threshold for {currency}</source>
            <translation>未设置 {currency} 的审批阈值</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="42" />
            <source>At or above the threshold of {threshold}</source>
            <translation>达到或超过 {threshold} 的审批阈值</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="44" />
            <source>Inspector's override</source>
            <translation>检验员改判</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="46" />
            <source>Return window unknown</source>
            <translation>退货期限未知</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="48" />
            <source>Unexpected return (no RMA)</source>
            <translation>意外退货（无退货单）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approval_why.py" line="50" />
            <source>Reopened by {user}</source>
            <translation>由 {user} 重新打开</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="89" />
            <source>Approval queue</source>
            <extracomment>How the page asks before a bulk approval; tests replace it.</extracomment>
            <translation>审批队列</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="95" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="97" />
            <source>Bulk approve plain…</source>
            <translation>批量审批简单件…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="108" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="109" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="110" />
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="112" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="117" />
            <source>Why approval</source>
            <translation>审批原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="121" />
            <source>Inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="123" />
            <source>Age</source>
            <translation>等待时长</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="210" />
            <source>Play video (Ctrl+P)</source>
            <translation>播放视频（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="227" />
            <source>Comment (required to reject: the inspector sees it)</source>
            <translation>备注（驳回时必填，质检员可见）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="232" />
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="234" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="262" />
            <source>Unboxing video of {lpn}</source>
            <translation>{lpn} 的开箱视频</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="271" />
            <source>Bulk approve plain cases</source>
            <translation>批量审批简单件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="276" />
            <source>Approve {count} plain case(s)?</source>
            <translation>批准 {count} 件简单件？</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="278" />
            <source>Total at stake: {totals}</source>
            <translation>涉及总额：{totals}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="281" />
            <source>Each is checked again; any that is no longer plain stays in the queue with the reason.</source>
            <translation>每一件都会重新检查；不再符合简单件条件的会留在队列中并注明原因。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="292" />
            <source>{count} waiting</source>
            <translation>{count} 件待审批</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="293" />
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="296" />
            <source>Bulk approve plain ({count})…</source>
            <translation>批量审批简单件（{count}）…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="326" />
            <source>{m} min</source>
            <translation>{m} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="329" />
            <source>{h} h {m} min</source>
            <translation>{h} 小时 {m} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="331" />
            <source>{d} d {h} h</source>
            <translation>{d} 天 {h} 小时</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="351" />
            <source>Nothing is waiting for approval.</source>
            <translation>没有待审批的件。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="359" />
            <source>RMA {code} · {customer} · {market} · decided by {user} at {station}, {at}</source>
            <translation>退货授权 {code} · {customer} · {market} · 由 {user} 在 {station} 判定，{at}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="375" />
            <source>refund {amount}</source>
            <translation>退款 {amount}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="385" />
            <source>Override from {proposed}: {reason}</source>
            <translation>改判（原建议 {proposed}）：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="390" />
            <source>A plain case: it may be approved in bulk.</source>
            <translation>简单件：可以批量审批。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="392" />
            <source>Not a plain case: approve or reject it on its own.</source>
            <translation>不属于简单情形：请单独审批或驳回。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="404" />
            <source>The inspection is not on record.</source>
            <translation>没有这次质检的记录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="407" />
            <source>Grade: {grade} · Finding: {finding}</source>
            <translation>等级：{grade} · 检验结论：{finding}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="412" />
            <source>Serial: {serial}</source>
            <translation>序列号：{serial}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="414" />
            <source>Notes: {notes}</source>
            <translation>备注：{notes}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="415" />
            <source>Checklist:</source>
            <translation>检查清单：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="421" />
            <source>pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="422" />
            <source>FAIL</source>
            <translation>不合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="423" />
            <source>n/a</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="427" />
            <source>Policy reasons:</source>
            <translation>政策依据：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="431" />
            <source>Sent back by {user} at {at}: “{comment}”</source>
            <translation>{user} 于 {at} 驳回：“{comment}”</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="445" />
            <source>No unboxing video.</source>
            <translation>无开箱视频。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="448" />
            <source>Unboxing video: pruned on {date}.</source>
            <translation>开箱视频：已于 {date} 清理。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="454" />
            <source>Unboxing video: {length}, recorded {at}.</source>
            <translation>开箱视频：{length}，录制于 {at}。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="478" />
            <source>Loading {count} photo(s)…</source>
            <translation>正在加载 {count} 张照片…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/approvals_page.py" line="480" />
            <source>No photos.</source>
            <translation>没有照片。</translation>
        </message>
        <message>
            <source>Why approval is needed:</source>
            <translation type="vanished">需要审批的原因：</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPresenter</name>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="177" />
            <source>Write a comment for the inspector: it says what to check again.</source>
            <translation>请给质检员写备注，说明需要重新检查什么。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="231" />
            <source>{lpn} approved.</source>
            <translation>{lpn} 已批准。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="238" />
            <source>{lpn} sent back to inspection with your comment.</source>
            <translation>{lpn} 已连同你的备注退回质检。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="248" />
            <source>{count} approved.</source>
            <translation>已批准 {count} 件。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/approvals_presenter.py" line="257" />
            <source>{count} not approved, still in the queue:</source>
            <translation>{count} 件未批准，仍在队列中：</translation>
        </message>
    </context>
    <context>
        <name>BarChartWidget</name>
        <message>
            <location filename="../../ui/widgets/dashboard_charts.py" line="85" />
            <location filename="../../ui/widgets/dashboard_charts.py" line="115" />
            <source>No data for this period</source>
            <extracomment>Height per bar: a label in the station's font with room between two of them. Room for "no data" when there are no bars. The names take at most this share of the width; longer ones are cut with "…". The value and flag words after a bar take at most this share. the value as written after the bar (``12.5 %``); empty: the number and the suffix for a flagged bar, what the flag means ("above 10 %"), written after its value</extracomment>
            <translation>此期间没有数据</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/dashboard_charts.py" line="128" />
            <source>{value} ▲ {note}</source>
            <translation>{value} ▲ {note}</translation>
        </message>
    </context>
    <context>
        <name>CameraPicker</name>
        <message>
            <location filename="../../ui/camera/picker.py" line="51" />
            <source>Camera number {number}</source>
            <extracomment>The pause after each frame of a preview: a video file would otherwise play flat out.</extracomment>
            <translation>摄像头编号 {number}</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="55" />
            <source>Camera at {address}</source>
            <translation>位于 {address} 的摄像头</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="57" />
            <source>Camera {device}</source>
            <translation>摄像头 {device}</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="58" />
            <source>Video file: {name}</source>
            <translation>视频文件:{name}</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="75" />
            <source>Camera</source>
            <extracomment>the source chosen changed (to this one)</extracomment>
            <translation>摄像头</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="82" />
            <source>Camera at an address (URL)…</source>
            <translation>网络地址上的摄像头(URL)…</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="83" />
            <source>Video file…</source>
            <translation>视频文件…</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="107" />
            <source>Starting the camera…</source>
            <translation>正在启动摄像头…</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="147" />
            <source>Camera at an address</source>
            <translation>网络地址上的摄像头</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="148" />
            <source>The camera's address, such as rtsp://192.168.1.20/stream</source>
            <translation>摄像头的地址,例如 rtsp://192.168.1.20/stream</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="155" />
            <source>Video file</source>
            <translation>视频文件</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="155" />
            <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All (*)</source>
            <translation>视频 (*.mp4 *.avi *.mkv *.mov *.webm);;全部 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/camera/picker.py" line="174" />
            <source>No picture from this camera.</source>
            <translation>此摄像头没有画面。</translation>
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
            <location filename="../../ui/pages/dashboard_cells.py" line="31" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_cells.py" line="45" />
            <location filename="../../ui/widgets/drill_down.py" line="46" />
            <source>Supplier</source>
            <location filename="../../ui/pages/dashboard_page.py" line="273" />
            <translation>供应商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_cells.py" line="46" />
            <location filename="../../ui/widgets/drill_down.py" line="45" />
            <source>Carrier</source>
            <location filename="../../ui/pages/dashboard_page.py" line="266" />
            <translation>承运商</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="48" />
            <source>Finding</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="43" />
            <source>RMA</source>
            <translation>退货授权</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="42" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="44" />
            <source>SKU</source>
            <location filename="../../ui/pages/dashboard_page.py" line="262" />
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/drill_down.py" line="30" />
            <source>Back to the dashboard</source>
            <translation>返回看板</translation>
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
            <location filename="../../ui/pages/dashboard_page.py" line="92" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="93" />
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="94" />
            <source>Last 90 days</source>
            <translation>最近 90 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="95" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="109" />
            <source>all markets</source>
            <translation>全部市场</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="114" />
            <source>all categories</source>
            <translation>全部品类</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="116" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="127" />
            <source>Period</source>
            <translation>时间段</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="133" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="135" />
            <source>Category</source>
            <translation>品类</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="156" />
            <source>Return rate per SKU</source>
            <translation>各 SKU 退货率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="157" />
            <source>Carrier damage rate</source>
            <translation>承运商破损率</translation>
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
            <location filename="../../ui/pages/dashboard_page.py" line="271" />
            <location filename="../../ui/pages/dashboard_page.py" line="279" />
            <location filename="../../ui/pages/dashboard_page.py" line="283" />
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
            <location filename="../../ui/pages/dashboard_page.py" line="270" />
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
            <location filename="../../ui/pages/dashboard_page.py" line="179" />
            <source>Recovery rate</source>
            <translation>追回率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="187" />
            <source>Double-click a row to see its units.</source>
            <translation>双击一行查看对应的商品件。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="214" />
            <source>Supplier scorecard</source>
            <translation>供应商评分卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="217" />
            <source>Recovery: every closed batch and filed claim, in any period</source>
            <translation>追偿：所有已结批次与已提交索赔（不限期间）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="223" />
            <source>Stated reason against finding</source>
            <translation>客户退货原因与检验结论对比</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="226" />
            <source>Inspector throughput</source>
            <translation>质检员产能</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="263" />
            <source>Returned</source>
            <translation>退货数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="264" />
            <source>Sold</source>
            <translation>销量</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="265" />
            <source>Return rate</source>
            <translation>退货率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="267" />
            <location filename="../../ui/pages/dashboard_page.py" line="274" />
            <source>Received</source>
            <translation>收货数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="268" />
            <source>Transit damage</source>
            <translation>运输损坏</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="269" />
            <source>Rate</source>
            <translation>比率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="272" />
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="275" />
            <source>Defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="276" />
            <source>Defect rate</source>
            <translation>缺陷率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="277" />
            <source>Chargebacks</source>
            <translation>供应商扣款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="278" />
            <source>Stated reason</source>
            <translation>客户退货原因</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="280" />
            <source>Found</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="281" />
            <source>Found no fault</source>
            <translation>检验无质量问题</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="282" />
            <source>Inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="284" />
            <source>Inspection time</source>
            <translation>质检用时</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="285" />
            <source>Units per hour</source>
            <translation>每小时件数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="286" />
            <source>Median time</source>
            <translation>时间中位数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="292" />
            <source>Refunds paid on time</source>
            <translation>按时退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="293" />
            <source>Refunds paid late</source>
            <translation>逾期退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="294" />
            <source>Refunds not yet due</source>
            <translation>未到期退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="295" />
            <source>Refunds overdue</source>
            <translation>已逾期退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="296" />
            <source>Dispute evidence not yet due</source>
            <translation>争议证据未到期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="297" />
            <source>Dispute evidence past due</source>
            <translation>争议证据已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="370" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="373" />
            <source>As of {time}</source>
            <translation>截至 {time}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="400" />
            <source>No units were received in this period.</source>
            <translation>该时间段内没有收货。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="406" />
            <source>{units} units received · median inspection time {median}</source>
            <translation>共收货 {units} 件 · 质检时间中位数 {median}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="411" />
            <source>No data for this period</source>
            <translation>此期间没有数据</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="421" />
            <source>Red: return rate above the policy's limit of {limit}</source>
            <translation>红色：退货率超过政策上限 {limit}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="437" />
            <source>Red: damage rate above the policy's limit of {limit}</source>
            <translation>红色：破损率超过政策上限 {limit}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="480" />
            <source>above {limit}</source>
            <translation>超过 {limit}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="487" />
            <source>No recovery figures yet</source>
            <translation>尚无追回数据</translation>
        </message>
        <message>
            <source>Carrier damage rate (%)</source>
            <translation type="vanished">承运商破损率（%）</translation>
        </message>
        <message>
            <source>Inspection hours</source>
            <translation type="vanished">质检工时</translation>
        </message>
        <message>
            <source>Median time (s)</source>
            <translation type="vanished">时间中位数（秒）</translation>
        </message>
        <message>
            <source>Recovery rate (%)</source>
            <translation type="vanished">追回率（%）</translation>
        </message>
        <message>
            <source>Return rate per SKU (%)</source>
            <translation type="vanished">各 SKU 退货率（%）</translation>
        </message>
        <message>
            <source>flagged</source>
            <translation type="vanished">已标记</translation>
        </message>
        <message>
            <source>{seconds} s</source>
            <translation type="vanished">{seconds} 秒</translation>
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
        <name>Display</name>
        <message>
            <location filename="../../ui/display.py" line="24" />
            <source>en</source>
            <translation>zh_CN</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <location filename="../../printing/report.py" line="319" />
            <source>unknown</source>
            <location filename="../../printing/report.py" line="189" />
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="336" />
            <source>Decision</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="340" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="409" />
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="183" />
            <source>RMA</source>
            <translation>退货单</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="184" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="185" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="186" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="187" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="188" />
            <source>Order date</source>
            <translation>下单日期</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="189" />
            <source>Delivery date</source>
            <translation>送达日期</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="190" />
            <source>Request date</source>
            <translation>申请日期</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="191" />
            <source>Requested resolution</source>
            <translation>客户要求</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="192" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="193" />
            <source>Carrier</source>
            <translation>承运商</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="194" />
            <source>Tracking</source>
            <translation>运单号</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="196" />
            <source>RMA and order</source>
            <translation>退货单与订单</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="205" />
            <source>Unit {index} of {count}</source>
            <translation>第 {index} 件，共 {count} 件</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="223" />
            <source>Inspection</source>
            <translation>检验</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="245" />
            <source>Checklist</source>
            <translation>检查清单</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="345" />
            <source>Resolution</source>
            <translation>处理方式</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="346" />
            <source>Disposition</source>
            <translation>处置</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="347" />
            <source>Deduction</source>
            <translation>扣减</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="348" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="349" />
            <source>Recovery</source>
            <translation>追偿</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="350" />
            <source>Decided by</source>
            <translation>判定人</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="460" />
            <source>Audit</source>
            <translation>审计</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="131" />
            <source>No units on this report.</source>
            <translation>本报告没有单件。</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="247" />
            <source>No checklist answers recorded.</source>
            <translation>未记录检查清单答案。</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="250" />
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="251" />
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="252" />
            <source>Answer</source>
            <translation>答案</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="278" />
            <source>Photos ({count})</source>
            <translation>照片（{count}）</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="280" />
            <source>No photos.</source>
            <translation>无照片。</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="320" />
            <source>captured {time}</source>
            <translation>拍摄于 {time}</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="338" />
            <source>Not decided yet.</source>
            <translation>尚未判定。</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="353" />
            <source>Policy version</source>
            <translation>政策版本</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="361" />
            <source>Reasons</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="411" />
            <source>No approvals recorded.</source>
            <translation>无审批记录。</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="465" />
            <source>No audit events in this excerpt.</source>
            <translation>此摘录中没有审计事件。</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="157" />
            <source>Generated {time}</source>
            <translation>生成于 {time}</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="159" />
            <source>by {name}</source>
            <translation>由 {name}</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="198" />
            <source>Stated reason</source>
            <translation>客户陈述的原因</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="211" />
            <source>LPN</source>
            <translation>件号(LPN)</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="212" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="213" />
            <source>Category</source>
            <translation>品类</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="214" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="215" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="216" />
            <source>Inspector</source>
            <translation>检验员</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="217" />
            <source>Station</source>
            <translation>工位</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="218" />
            <source>Inspected at</source>
            <translation>检验时间</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="222" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="226" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="227" />
            <source>Finding</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="228" />
            <source>Serial seen</source>
            <translation>所见序列号</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="229" />
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="322" />
            <source>station {name}</source>
            <translation>工位 {name}</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="471" />
            <source>Audit head (SEQ:HASH)</source>
            <translation>审计链头（序号:哈希）</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="234" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="268" />
            <source>required</source>
            <translation>必填</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="268" />
            <source>optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <location filename="../../printing/report.py" line="381" />
            <source>Overridden by the inspector. Reason:</source>
            <translation>检验员已改判。原因：</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="41" />
            <source>The clip's frames could not be read.</source>
            <translation>无法读取视频的画面。</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="40" />
            <source>The clip's file is not in the video store.</source>
            <translation>视频文件不在视频存储中。</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="49" />
            <source>Unboxing video</source>
            <translation>开箱视频</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="36" />
            <source>The clip's file was deleted by the retention rule ({time}).</source>
            <translation>视频文件已按保留规则删除（{time}）。</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="51" />
            <source>No video recorded.</source>
            <translation>未录制视频。</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="88" />
            <source>at {time}</source>
            <translation>{time} 处</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="56" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="57" />
            <source>Frames</source>
            <translation>帧数</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="58" />
            <source>Started</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="59" />
            <source>Started (UTC)</source>
            <translation>开始（UTC）</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="60" />
            <source>Ended</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../printing/report_clips.py" line="61" />
            <source>Ended (UTC)</source>
            <translation>结束（UTC）</translation>
        </message>
        <message>
            <location filename="../../printing/report_pages.py" line="43" />
            <source>Page {page} of {total}</source>
            <translation>第 {page} 页，共 {total} 页</translation>
        </message>
        <message>
            <location filename="../../printing/report_pages.py" line="46" />
            <source>Audit head {head}</source>
            <translation>审计链头 {head}</translation>
        </message>
        <message>
            <location filename="../../printing/report_pages.py" line="41" />
            <source>generated {time}</source>
            <translation>生成于 {time}</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="39" />
            <source>Inspection report</source>
            <translation>检验报告</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="39" />
            <source>Inspection report (one unit)</source>
            <translation>检验报告（单件）</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="39" />
            <source>Carrier claim</source>
            <translation>物流索赔</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="39" />
            <source>Vendor return</source>
            <translation>退供应商</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="39" />
            <source>Returns QC — weekly summary</source>
            <translation>退货质检 — 周报</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>PASS</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>FAIL</source>
            <translation>不通过</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>N/A</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>Photo could not be read</source>
            <translation>无法读取照片</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>Decided as inspector</source>
            <translation>以检验员身份判定</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>Decided as inspector (overriding the proposal)</source>
            <translation>以检验员身份判定（改判建议）</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>Approved as supervisor (four eyes)</source>
            <translation>以主管身份审批（四眼原则）</translation>
        </message>
        <message>
            <location filename="../../printing/wording.py" line="48" />
            <source>Awaiting approval</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../qc_station/services/report_documents.py" line="276" />
            <source>The policy proposed {headline} ({resolution}); the inspector overrode it.</source>
            <translation>政策建议为{headline}（{resolution}）；检验员已改判。</translation>
        </message>
    </context>
    <context>
        <name>FinancePage</name>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="44" />
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="73" />
            <source>Finance export</source>
            <extracomment>How the page asks for a file name; tests replace it.</extracomment>
            <translation>财务导出</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="78" />
            <source>Next export</source>
            <translation>下一批导出</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="85" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="87" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="95" />
            <source>LPN</source>
            <translation>LPN</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="96" />
            <source>RMA</source>
            <translation>退货授权</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="97" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="98" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="99" />
            <source>Resolution</source>
            <translation>处理方式</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="100" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="101" />
            <source>Recovery</source>
            <translation>追偿</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="102" />
            <source>Approved by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="103" />
            <source>Approved at</source>
            <translation>审批时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="117" />
            <source>%v of %m rows</source>
            <translation>%v / %m 行</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="118" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="130" />
            <source>Exported batches</source>
            <translation>已导出批次</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="134" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="135" />
            <source>Exported at</source>
            <translation>导出时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="136" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="137" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="138" />
            <source>Rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="139" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="141" />
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="154" />
            <source>Re-export…</source>
            <translation>重新导出…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="183" />
            <source>Export the finance CSV</source>
            <translation>导出财务 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="195" />
            <source>Write batch {batch} again</source>
            <translation>重新写出批次 {batch}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="222" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="236" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="242" />
            <source>Nothing to export: every final decision has been exported.</source>
            <translation>没有可导出的内容：所有最终处理都已导出。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="246" />
            <source>{count} decision(s) waiting to be exported. Refunds: {totals}</source>
            <translation>{count} 条处理待导出。退款：{totals}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/finance_page.py" line="254" />
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
        <name>HistoryPage</name>
        <message>
            <location filename="../../ui/pages/history_page.py" line="59" />
            <source>Unit history</source>
            <extracomment>The item data role of a choice's LPN.</extracomment>
            <translation>单件履历</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="65" />
            <source>Scan or type an RMA, LPN, order id, tracking number, SKU or customer</source>
            <translation>扫描或输入退货单、件号(LPN)、订单号、运单号、SKU 或客户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="71" />
            <source>Search (Enter)</source>
            <translation>搜索（Enter）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="114" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="115" />
            <source>What happened</source>
            <translation>发生了什么</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="116" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="117" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="118" />
            <source>Where</source>
            <translation>工位</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="138" />
            <source>Play video (Ctrl+P)</source>
            <translation>播放视频（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="184" />
            <source>Unboxing video of {lpn}</source>
            <translation>{lpn} 的开箱视频</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="213" />
            <source>Look up any unit to see its whole story.</source>
            <translation>查找任意单件以查看其完整记录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="215" />
            <source>{matched} {code}: {count} unit(s)</source>
            <translation>{matched} {code}：{count} 件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="219" />
            <source>(the first {count}; there are more)</source>
            <translation>（仅显示前 {count} 件；还有更多）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="223" />
            <source>searching…</source>
            <translation>搜索中…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="237" />
            <source>no decision yet</source>
            <translation>尚无决定</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="241" />
            <source>refund {amount}</source>
            <translation>退款 {amount}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="247" />
            <source>exported in {batch}</source>
            <translation>已在 {batch} 中导出</translation>
        </message>
        <message>
            <location filename="../../ui/pages/history_page.py" line="280" />
            <source>Loading {count} photo(s)…</source>
            <translation>正在加载 {count} 张照片…</translation>
        </message>
    </context>
    <context>
        <name>HistoryPresenter</name>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="36" />
            <source>RMA</source>
            <translation>退货单</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="37" />
            <source>LPN</source>
            <translation>件号(LPN)</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="38" />
            <source>Order id</source>
            <translation>订单号</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="39" />
            <source>Tracking number</source>
            <translation>运单号</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="40" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="41" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="85" />
            <source>Scan or type an RMA, LPN, order id, tracking number, SKU or customer.</source>
            <extracomment>the units it names: to choose from when there are several the story (empty for a list of units to choose from)</extracomment>
            <translation>请扫描或输入退货单、件号(LPN)、订单号、运单号、SKU 或客户。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_presenter.py" line="139" />
            <source>{count} units: choose one to see its story.</source>
            <translation>共 {count} 件：选择一件查看其完整记录。</translation>
        </message>
    </context>
    <context>
        <name>HistoryWords</name>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="93" />
            <source>Created on the spot (no RMA)</source>
            <extracomment>The free text people wrote, by the key the services audit it under.</extracomment>
            <translation>现场创建（无退货单）</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="94" />
            <source>Scanned and claimed</source>
            <translation>已扫描并领取</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="95" />
            <source>Claim released</source>
            <translation>已释放领取</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="97" />
            <source>Reopened: back to inspection</source>
            <translation>已重新打开：退回检验</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="100" />
            <source>No unboxing video</source>
            <translation>无开箱视频</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="103" />
            <source>Decision approved</source>
            <translation>决定已审批通过</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="104" />
            <source>Decision sent back to inspection</source>
            <translation>决定已退回检验</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="105" />
            <source>Decision superseded (unit reopened)</source>
            <translation>决定已被取代（单件已重新打开）</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="106" />
            <source>Dispute opened</source>
            <translation>争议已开启</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="107" />
            <source>Dispute evidence sent</source>
            <translation>争议证据已发送</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="108" />
            <source>Dispute won</source>
            <translation>争议胜诉</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="109" />
            <source>Dispute lost</source>
            <translation>争议败诉</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="110" />
            <source>Dispute settled</source>
            <translation>争议已和解</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="111" />
            <source>Dispute withdrawn</source>
            <translation>争议已撤回</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="112" />
            <source>Exported to finance</source>
            <translation>已导出至财务</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="113" />
            <source>Exported to finance again</source>
            <translation>已再次导出至财务</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="114" />
            <source>Recovery case opened</source>
            <translation>追偿案件已开启</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="115" />
            <source>Added to a recovery case</source>
            <translation>已加入追偿案件</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="116" />
            <source>Taken out of a recovery case</source>
            <translation>已移出追偿案件</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="117" />
            <source>Vendor return batch closed</source>
            <translation>退供应商批次已关闭</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="118" />
            <source>Carrier claim filed</source>
            <translation>物流索赔已提交</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="119" />
            <source>Recovery paid</source>
            <translation>追偿已付款</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="120" />
            <source>Recovery partly paid</source>
            <translation>追偿已部分付款</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="121" />
            <source>Recovery denied</source>
            <translation>追偿被拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="132" />
            <source>A change recorded in the audit log (event {seq})</source>
            <translation>审计日志中记录的变更（事件 {seq}）</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="148" />
            <source>order {order}</source>
            <translation>订单 {order}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="149" />
            <source>customer {customer}</source>
            <translation>客户 {customer}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="150" />
            <source>tracking {tracking}</source>
            <translation>运单号 {tracking}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="153" />
            <source>{count} unit(s)</source>
            <translation>{count} 件</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="155" />
            <source>Imported from {source}</source>
            <translation>导入自 {source}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="159" />
            <source>Now {state}</source>
            <translation>现为{state}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="160" />
            <source>was {state}</source>
            <translation>原为{state}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="164" />
            <source>Inspected: grade {grade}, finding {finding}</source>
            <translation>已检验：等级 {grade}，检验结论 {finding}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="170" />
            <source>{count} photo(s)</source>
            <translation>{count} 张照片</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="172" />
            <source>select the line to see them</source>
            <translation>选中此行查看</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="178" />
            <source>Unboxing video recorded ({length})</source>
            <translation>已录制开箱视频（{length}）</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="180" />
            <source>pruned since</source>
            <translation>已被清理</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="182" />
            <source>Enter plays it</source>
            <translation>按 Enter 播放</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="186" />
            <source>Unboxing video deleted after {days} days</source>
            <translation>开箱视频已在 {days} 天后删除</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="194" />
            <source>Decided: {headline} · {resolution}</source>
            <translation>已决定：{headline} · {resolution}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="198" />
            <source>refund {amount}</source>
            <translation>退款 {amount}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="202" />
            <source>overridden: {reason}</source>
            <translation>已改判：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="217" />
            <source>batch {batch}</source>
            <translation>批次 {batch}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="226" />
            <source>case {case}</source>
            <translation>案件 {case}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="233" />
            <source>Inspection report printed on {printer}</source>
            <translation>检验报告已打印，打印机：{printer}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="236" />
            <source>Label printed ({size}) on {printer}</source>
            <translation>标签已打印（{size}），打印机：{printer}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="240" />
            <source>Label printed on {printer}</source>
            <translation>标签已打印，打印机：{printer}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="248" />
            <source>Printing failed: {problem}</source>
            <translation>打印失败：{problem}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="250" />
            <source>label</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="250" />
            <source>inspection report</source>
            <translation>检验报告</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="251" />
            <source>discarded</source>
            <translation>已丢弃</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="256" />
            <source>{count} copies</source>
            <translation>{count} 份</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/history_words.py" line="258" />
            <source>recorded later: the database was away</source>
            <translation>稍后记录：当时数据库不可用</translation>
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
            <location filename="../../ui/pages/inspection_layout.py" line="81" />
            <source>Checklist (* required)</source>
            <extracomment>The width of a checklist answer button (Pass, Fail, N/A), in pixels.</extracomment>
            <translation>检查清单（* 为必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="96" />
            <source>— choose the finding —</source>
            <translation>— 选择检验结论 —</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="104" />
            <source>Serial or SKU seen on the item</source>
            <translation>商品上的序列号或 SKU</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="109" />
            <source>Notes (accessories, packaging, damage…)</source>
            <translation>备注（配件、包装、损坏情况…）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="112" />
            <source>Finding</source>
            <translation>检验结论</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="116" />
            <source>Keys: {keys}</source>
            <translation>按键：{keys}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="124" />
            <source>Serial</source>
            <translation>序列号</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="128" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="131" />
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="144" />
            <source>Add photos…</source>
            <translation>添加照片…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="146" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="156" />
            <source>Webcam (F6)</source>
            <translation>摄像头（F6）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="161" />
            <source>Take photo (F7)</source>
            <translation>拍照（F7）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="236" />
            <source>Override the proposed decision</source>
            <translation>改判建议结果</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="250" />
            <source>Why? (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="262" />
            <source>Submit (Enter)</source>
            <location filename="../../ui/pages/inspection_page.py" line="473" />
            <location filename="../../ui/pages/inspection_page.py" line="482" />
            <translation>提交（回车）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="267" />
            <source>Esc: leave and release the unit</source>
            <translation>Esc：离开并释放该件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="285" />
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="286" />
            <source>Fail</source>
            <translation>不合格</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_layout.py" line="287" />
            <source>N/A</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="148" />
            <source>Starting the camera…</source>
            <extracomment>The inspector left the inspection (Esc); the unit's release is under way. The file chooser; tests replace it with a function returning paths. Asks a yes/no question (leave the inspection?); tests replace it. The checklist on screen: its items' keys and each item's Pass/Fail/N/A buttons.</extracomment>
            <translation>正在打开摄像头…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="218" />
            <source>No camera.</source>
            <translation>没有摄像头。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="232" />
            <source>Add photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="232" />
            <source>Images (*.jpg *.jpeg *.png *.webp)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="275" />
            <source>Leave the inspection of {lpn}? What you entered is dropped and the unit is released for any station.</source>
            <translation>离开 {lpn} 的检验？已输入的内容将被丢弃，该件将被释放，任何工位均可领取。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="295" />
            <source>Leave the inspection</source>
            <translation>离开检验</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="297" />
            <source>Leave and release</source>
            <translation>离开并释放</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="298" />
            <source>Keep inspecting</source>
            <translation>继续检验</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="354" />
            <source>unit {n} of {total}</source>
            <translation>第 {n} 件，共 {total} 件</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="380" />
            <source>Sent back by {user} on {when}: “{comment}”</source>
            <translation>{user} 于 {when} 驳回：“{comment}”</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="398" />
            <source>{code} · order {order}
{customer} · {market}
“{reason}”</source>
            <translation>{code} · 订单 {order}
{customer} · {market}
“{reason}”</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="414" />
            <source>{count} photo(s)</source>
            <translation>{count} 张照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="416" />
            <source>{needed} required</source>
            <translation>需要 {needed} 张</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="419" />
            <source>{missing} missing</source>
            <translation>缺 {missing} 张</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="421" />
            <source>preparing {n}…</source>
            <translation>正在处理 {n} 张…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="443" />
            <source>proposed: needs a supervisor's approval</source>
            <translation>建议结果：需要主管审批</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="448" />
            <source>Resolution: {value}</source>
            <translation>处理方式：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="449" />
            <source>Refund: {amount}</source>
            <translation>退款：{amount}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="450" />
            <source>Disposition: {value}</source>
            <translation>处置：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="453" />
            <source>Deduction: {pct} %</source>
            <translation>扣减：{pct} %</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="456" />
            <source>Photos: {missing} more needed</source>
            <translation>照片：还需 {missing} 张</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="462" />
            <source>Needs a supervisor's approval:</source>
            <translation>需要主管审批：</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="475" />
            <source>Submit (Enter): {missing} more photo(s) needed</source>
            <translation>提交（回车）：还需 {missing} 张照片</translation>
        </message>
        <message>
            <location filename="../../ui/pages/inspection_page.py" line="480" />
            <source>Submit for approval (Enter)</source>
            <translation>提交审批（回车）</translation>
        </message>
    </context>
    <context>
        <name>InspectionPresenter</name>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="189" />
            <source>the camera is off</source>
            <extracomment>counts the times the presenter filled the text fields (a sent-back unit's last entry) the database was unreachable: the inspection is kept on this station (outbox.Journalled) the unboxing video started recording: the page runs the camera
----------
the status changed (the presenter renders it) a recording started: the camera should run</extracomment>
            <translation>摄像头已关闭</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="388" />
            <source>Choose a grade: keys 1–5 or A, B, C, D, X.</source>
            <translation>请选择等级：按键 1–5 或 A、B、C、D、X。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="390" />
            <source>Choose a finding.</source>
            <translation>请选择检验结论。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="392" />
            <source>Photos are still being prepared; submit again in a moment.</source>
            <translation>照片仍在处理中，请稍后再提交。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="394" />
            <source>Write why you override the proposed decision.</source>
            <translation>请写明改判的原因。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="428" />
            <source>Choose a grade (keys 1–5 or A–D, X) to see the decision.</source>
            <translation>选择等级（按键 1–5 或 A–D、X）后显示处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="430" />
            <source>Choose a finding to see the decision.</source>
            <translation>选择检验结论后显示处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/inspection_presenter.py" line="444" />
            <source>(reason to be written)</source>
            <translation>（待填写理由）</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../ui/labels.py" line="67" />
            <source>No longer wanted</source>
            <translation>不想要了</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="68" />
            <source>Found a better price</source>
            <translation>找到更低价格</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="69" />
            <source>Ordered by mistake</source>
            <translation>误购</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="70" />
            <source>Purchase not authorised</source>
            <translation>未经授权的购买</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="71" />
            <source>No reason given</source>
            <translation>未说明原因</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="72" />
            <source>Too small</source>
            <translation>太小</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="73" />
            <source>Too large</source>
            <translation>太大</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="74" />
            <source>Wrong size</source>
            <translation>尺码不合适</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="75" />
            <source>Did not like the style, colour or fabric</source>
            <translation>不喜欢款式、颜色或面料</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="76" />
            <source>Not compatible</source>
            <translation>不兼容</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="77" />
            <source>Too hard to install</source>
            <translation>安装太困难</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="78" />
            <source>Arrived too late</source>
            <translation>到货太晚</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="79" />
            <source>Undeliverable, returned by the carrier</source>
            <translation>无法投递，由承运商退回</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="80" />
            <source>Defective</source>
            <translation>有缺陷</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="81" />
            <source>Quality not acceptable</source>
            <translation>质量不可接受</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="82" />
            <source>Damaged by the carrier</source>
            <translation>承运商运输损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="83" />
            <source>Damaged at the fulfilment centre</source>
            <translation>在配送中心损坏</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="84" />
            <source>Not as described</source>
            <location filename="../../qc_station/domain/vocabulary.py" line="46" />
            <translation>与描述不符</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="85" />
            <source>Parts missing</source>
            <translation>缺少部件</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="86" />
            <source>Wrong item sent</source>
            <translation>发错商品</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="87" />
            <source>Extra item, not ordered</source>
            <translation>多发的商品，未订购</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="143" />
            <source>awaiting approval</source>
            <location filename="../../qc_station/domain/vocabulary.py" line="90" />
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="144" />
            <source>final</source>
            <translation>已生效</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="145" />
            <source>sent back</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="146" />
            <source>superseded</source>
            <translation>已被取代</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="169" />
            <source>4 × 6 in</source>
            <translation>4 × 6 英寸</translation>
        </message>
        <message>
            <location filename="../../ui/labels.py" line="170" />
            <source>2 × 1 in</source>
            <translation>2 × 1 英寸</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="35" />
            <source>A · new</source>
            <translation>A · 全新</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="36" />
            <source>B · open box</source>
            <translation>B · 已开箱</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="37" />
            <source>C · used</source>
            <translation>C · 已使用</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="38" />
            <source>D · damaged</source>
            <translation>D · 已损坏</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="39" />
            <source>X · scrap</source>
            <translation>X · 报废</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="43" />
            <source>No fault (changed mind)</source>
            <translation>无质量问题（不想要了）</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="44" />
            <source>Defect</source>
            <translation>质量缺陷</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="45" />
            <source>Transit damage</source>
            <translation>运输损坏</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="47" />
            <source>Customer damage</source>
            <translation>人为损坏</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="48" />
            <source>Missing parts</source>
            <translation>缺少配件</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="49" />
            <source>Wrong item / empty box</source>
            <translation>错发商品 / 空箱</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="53" />
            <source>RESTOCK</source>
            <translation>重新入库</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="54" />
            <source>REFUND</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="55" />
            <source>EXCHANGE</source>
            <translation>换货</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="56" />
            <source>DISPUTE</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="60" />
            <source>Full refund</source>
            <translation>全额退款</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="61" />
            <source>Partial refund</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="62" />
            <source>Exchange</source>
            <location filename="../../qc_station/domain/vocabulary.py" line="69" />
            <translation>换货</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="63" />
            <source>Dispute</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="68" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="73" />
            <source>Supplier chargeback</source>
            <translation>供应商扣款</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="74" />
            <source>Carrier claim</source>
            <translation>物流索赔</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="75" />
            <source>Listing review</source>
            <translation>商品页面审核</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="79" />
            <source>Restock</source>
            <translation>重新入库</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="80" />
            <source>Refurbish</source>
            <translation>翻新</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="81" />
            <source>Liquidate</source>
            <translation>清仓</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="82" />
            <source>Scrap</source>
            <translation>报废</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="83" />
            <source>Return to vendor</source>
            <translation>退回供应商</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="84" />
            <source>Hold</source>
            <translation>暂扣</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="88" />
            <source>expected</source>
            <translation>待收货</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="89" />
            <source>in inspection</source>
            <translation>质检中</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="91" />
            <source>decided</source>
            <translation>已判定</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="96" />
            <source>inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="97" />
            <source>supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="98" />
            <source>admin</source>
            <translation>管理员</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="108" />
            <source>within the return window</source>
            <translation>在退货期限内</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="109" />
            <source>return window exceeded</source>
            <translation>已超出退货期限</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="110" />
            <source>return window unknown</source>
            <translation>退货期限未知</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="103" />
            <source>delivery</source>
            <translation>送达</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/vocabulary.py" line="104" />
            <source>estimated delivery (order date + transit allowance)</source>
            <translation>预计送达（下单日期 + 运输时长）</translation>
        </message>
    </context>
    <context>
        <name>LoginPage</name>
        <message>
            <location filename="../../ui/pages/login_page.py" line="54" />
            <source>Returns QC Station</source>
            <translation>退货质检工作站</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="57" />
            <source>Station {station}</source>
            <translation>工作站 {station}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="93" />
            <location filename="../../ui/pages/login_page.py" line="151" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="94" />
            <location filename="../../ui/pages/login_page.py" line="153" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="95" />
            <location filename="../../ui/pages/login_page.py" line="118" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="98" />
            <source>Use badge and PIN</source>
            <translation>使用工牌和 PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="116" />
            <source>Scan badge</source>
            <translation>扫描工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="117" />
            <source>PIN</source>
            <translation>PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="121" />
            <source>Use password</source>
            <translation>使用密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="139" />
            <source>No users yet. Create the first administrator; they can add inspectors and supervisors afterwards.</source>
            <translation>还没有用户。请创建第一个管理员，之后由管理员添加质检员和主管。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="152" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="154" />
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="155" />
            <source>Create administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="169" />
            <source>An administrator reset your password. Choose a new one of your own to continue; nobody else should know it.</source>
            <translation>管理员已重置您的密码。请设置一个只有您自己知道的新密码后继续。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="180" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="181" />
            <source>Repeat new password</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="182" />
            <source>Set new password</source>
            <translation>设置新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="185" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="240" />
            <source>Locked after inactivity. {user}, sign in to continue your work.</source>
            <translation>因长时间无操作已锁定。{user}，请登录以继续工作。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="246" />
            <source>Connecting to the database… You will be signed in as soon as it answers.</source>
            <translation>正在连接数据库… 数据库一应答即为您登录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/login_page.py" line="248" />
            <source>Connecting to the database…</source>
            <translation>正在连接数据库…</translation>
        </message>
    </context>
    <context>
        <name>LoginPresenter</name>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="96" />
            <source>Enter your user name and password.</source>
            <extracomment>the core is not built or has not answered the first-run check yet: the form takes what is typed, and a sign-in asked for now waits for it a sign-in was asked for while connecting; it runs when the core has answered</extracomment>
            <translation>请输入用户名和密码。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="118" />
            <source>Scan your badge and enter your PIN.</source>
            <translation>请扫描工牌并输入 PIN 码。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="138" />
            <location filename="../../ui/presenters/login_presenter.py" line="159" />
            <source>The two passwords differ; type them again.</source>
            <translation>两次输入的密码不一致，请重新输入。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/login_presenter.py" line="227" />
            <source>Your password was reset. Sign in with your user name and the new password to choose your own.</source>
            <translation>您的密码已被重置。请使用用户名和管理员提供的新密码登录，然后设置您自己的密码。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="42" />
            <source>Database unreachable — work cannot be saved.</source>
            <translation>无法连接数据库 — 工作无法保存。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="68" />
            <source>Station</source>
            <extracomment>Areas opened rarely (set-up, the odd release or recovery): under "More" from the start, so the daily ones have room. Any area past the toolbar's width goes there as well.</extracomment>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="75" />
            <source>Scan</source>
            <translation>扫描</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="78" />
            <source>Scan (F2)</source>
            <translation>扫描（F2）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="82" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="85" />
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="88" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="99" />
            <location filename="../../ui/main_window_chrome.py" line="252" />
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="100" />
            <source>The other work areas</source>
            <translation>其他工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="136" />
            <source>{title} ({shortcut})</source>
            <translation>{title}（{shortcut}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="173" />
            <source>{title} ({count} waiting)</source>
            <translation>{title}（{count} 件待审批）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="177" />
            <source>{title} ({count} failed)</source>
            <translation>{title}（{count} 个失败）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="185" />
            <source>Station {station}</source>
            <translation>工作站 {station}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="189" />
            <source>Database: checking…</source>
            <translation>数据库：检查中…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="252" />
            <source>More: {area}</source>
            <extracomment>The toolbar's counts (approvals waiting, failed prints) are read again this often, and at once after a decision or a print outcome at this station.</extracomment>
            <translation>更多：{area}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window_chrome.py" line="270" />
            <source>Retry it from the Print queue (F11); the printers are chosen under Administration → Printers.</source>
            <translation>请在“打印队列”（F11）中重试；打印机在“系统管理 → 打印机”中选择。</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="175" />
            <location filename="../../ui/main_window.py" line="80" />
            <source>Returns QC Station — {station}</source>
            <extracomment>the one top-level window: the sign-in form at first, then the station window in it builds the station window (once); run when the form has been painted, or when :attr:`window` is asked for first the core, once the database lane has built it (see the module's docstring) why the core could not be built; the station then exits with status 2
----------
How unexpected errors are shown; tests replace it.</extracomment>
            <translation>退货质检工作站 — {station}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="231" />
            <source>Not signed in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="234" />
            <source>Locked for {name}</source>
            <translation>已为 {name} 锁定</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="238" />
            <source>{name} ({role})</source>
            <translation>{name}（{role}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="255" />
            <source>Database: OK</source>
            <translation>数据库：正常</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>Database unreachable — work cannot be saved. {detail}</source>
            <translation>无法连接数据库 — 工作无法保存。{detail}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="266" />
            <source>Database: unreachable</source>
            <translation>数据库：无法连接</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="370" />
            <source>(waiting for a supervisor's approval)</source>
            <translation>（等待主管审批）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="387" />
            <source>{lpn} released: not inspected, free for any station.</source>
            <translation>{lpn} 已释放：未检验，任何工位均可领取。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="392" />
            <source>{lpn} may still be held by this station: {why}</source>
            <translation>{lpn} 可能仍被本工位占用：{why}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="452" />
            <source>{count} inspection(s) waiting to be sent; kept on this station.</source>
            <translation>{count} 条质检记录待发送，已保存在本工作站。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="458" />
            <source>{count} kept inspection(s) refused by the server — {first}</source>
            <translation>{count} 条本地保存的质检记录被服务器拒绝 — {first}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="467" />
            <source>Policy {hash}, activated at another station, is now in force.</source>
            <translation>其他工作站启用的政策 {hash} 现已生效。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="475" />
            <source>The database is unreachable: the inspection is kept on this station.</source>
            <translation>无法连接数据库：本次质检已保存在本工作站。</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="51" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="51" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="82" />
            <source>Something went wrong: {detail}</source>
            <translation>出错了：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="6" />
            <source>Wrong user name or password.</source>
            <translation>用户名或密码错误。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="7" />
            <source>Unknown badge or wrong PIN.</source>
            <translation>未知工牌或 PIN 错误。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="8" />
            <source>Account {username} is locked after {attempts} failed attempts, until {until}; try again then or ask an admin.</source>
            <translation>账户 {username} 连续 {attempts} 次登录失败，已锁定至 {until}；请到时再试或联系管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="12" />
            <source>{wrong} Account {username} is now locked after {attempts} failed attempts, until {until}; try again then or ask an admin.</source>
            <translation>{wrong} 账户 {username} 连续 {attempts} 次登录失败，现已锁定至 {until}；请到时再试或联系管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="16" />
            <source>Account {username} is deactivated; ask an admin.</source>
            <translation>账户 {username} 已停用；请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="17" />
            <source>Your account was deactivated: ask an admin.</source>
            <translation>您的账户已被停用：请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="18" />
            <source>Your account is locked until {until}: ask an admin.</source>
            <translation>您的账户已锁定至 {until}：请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="19" />
            <source>Your account no longer exists: ask an admin.</source>
            <translation>您的账户已不存在：请联系管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="20" />
            <source>Your password was reset: sign out and choose a new one.</source>
            <translation>您的密码已被重置：请退出登录并设置新密码。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="21" />
            <source>Your role was changed to {role}: sign out and sign in again.</source>
            <translation>您的角色已变更为 {role}：请退出后重新登录。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="22" />
            <source>You reopened unit {lpn}: another supervisor must approve its new decision.</source>
            <translation>您重新打开了单件 {lpn}：其新处置决定须由另一位主管审批。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="26" />
            <source>{user} ({role}) may not {what}; allowed roles: {needed_role}.</source>
            <translation>{user}（{role}）不能{what}；可执行的角色：{needed_role}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="27" />
            <source>The local operator acts only on a database without users: sign in as a user.</source>
            <translation>本地操作员只能在没有用户的数据库上操作：请以用户身份登录。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="31" />
            <source>inspect units</source>
            <translation>检验单件</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="32" />
            <source>decide inspections</source>
            <translation>提交检验决定</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="33" />
            <source>approve decisions</source>
            <translation>审批决定</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="34" />
            <source>send decisions back</source>
            <translation>退回决定</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="35" />
            <source>reopen decided units</source>
            <translation>重新打开已决定的单件</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="36" />
            <source>release another station's claim</source>
            <translation>释放其他工位的占用</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="37" />
            <source>follow up deadlines, disputes and stale claims</source>
            <translation>跟进期限、争议和过期占用</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="38" />
            <source>manage disputes</source>
            <translation>管理争议</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="39" />
            <source>export finance</source>
            <translation>导出财务数据</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="40" />
            <source>manage users</source>
            <translation>管理用户</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="41" />
            <source>manage the return policy</source>
            <translation>管理退货政策</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="42" />
            <source>back up or restore the database</source>
            <translation>备份或恢复数据库</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="43" />
            <source>import manifests or the catalog</source>
            <translation>导入清单或商品目录</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="44" />
            <source>create unexpected returns</source>
            <translation>创建意外退货</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="45" />
            <source>print documents</source>
            <translation>打印单据</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="46" />
            <source>view the dashboard</source>
            <translation>查看仪表板</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="47" />
            <source>manage vendor returns and carrier claims</source>
            <translation>管理供应商退货和物流索赔</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="48" />
            <source>do this</source>
            <translation>执行此操作</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="50" />
            <source>User name {value} is not valid: use 2 to 32 lower-case letters, digits, dots, dashes or underscores.</source>
            <translation>用户名 {value} 无效：请使用 2 到 32 个小写字母、数字、点、短横线或下划线。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="54" />
            <source>User name {value} is reserved for the local operator; choose another.</source>
            <translation>用户名 {value} 保留给本地操作员；请换一个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="55" />
            <source>Enter a password: a password is required.</source>
            <translation>请输入密码：密码为必填项。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="56" />
            <source>The password is too short: use at least {min_length} characters.</source>
            <translation>密码太短：至少使用 {min_length} 个字符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="57" />
            <source>The password is too long: use at most {max_length} characters.</source>
            <translation>密码太长：最多使用 {max_length} 个字符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="58" />
            <source>The password must not be the user name; choose another.</source>
            <translation>密码不能与用户名相同；请换一个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="59" />
            <source>The new password must differ from the current one.</source>
            <translation>新密码必须与当前密码不同。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="60" />
            <source>A PIN is 4 to 8 digits.</source>
            <translation>PIN 为 4 到 8 位数字。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="61" />
            <source>Badge {value} is not valid: use 1 to 64 printable characters without spaces.</source>
            <translation>工牌 {value} 无效：请使用 1 到 64 个不含空格的可打印字符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="64" />
            <source>A badge and its PIN go together: give both.</source>
            <translation>工牌和 PIN 必须同时提供：请两者都填写。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="65" />
            <source>Badge {badge} belongs to another user; scan another badge.</source>
            <translation>工牌 {badge} 属于另一位用户；请扫描其他工牌。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="66" />
            <source>Unknown role {value}: use one of {known_role}.</source>
            <translation>未知角色 {value}：请使用以下之一：{known_role}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="67" />
            <source>The full name is limited to {limit} characters.</source>
            <translation>姓名最多 {limit} 个字符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="68" />
            <source>Adding a user needs an admin to sign in (only the first user needs none).</source>
            <translation>添加用户需要管理员登录（只有第一个用户不需要）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="71" />
            <source>The first user must be an admin, so that someone can manage the others.</source>
            <translation>第一个用户必须是管理员，以便有人管理其他用户。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="74" />
            <source>User {username} exists already; choose another user name.</source>
            <translation>用户 {username} 已存在；请换一个用户名。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="75" />
            <source>Unknown user {username}.</source>
            <translation>未知用户 {username}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="76" />
            <source>{username} is the last active admin and cannot be deactivated: make another user admin first.</source>
            <translation>{username} 是最后一位在用的管理员，不能停用：请先将另一位用户设为管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/accounts.py" line="80" />
            <source>{username} is the last active admin and cannot be demoted: make another user admin first.</source>
            <translation>{username} 是最后一位在用的管理员，不能降级：请先将另一位用户设为管理员。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="9" />
            <source>Cannot export finance to {path}: it is a symbolic link (the station does not write through links); nothing was exported.</source>
            <translation>无法将财务数据导出到 {path}：它是符号链接（工位不通过链接写入）；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="13" />
            <source>Cannot export finance to {path}: it is a folder (name a file in it); nothing was exported.</source>
            <translation>无法将财务数据导出到 {path}：它是文件夹（请指定其中的文件）；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="16" />
            <source>Cannot export finance to {path}: it is not a regular file; nothing was exported.</source>
            <translation>无法将财务数据导出到 {path}：它不是普通文件；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="19" />
            <source>Cannot export finance to {path}: the folder {folder} does not exist; nothing was exported.</source>
            <translation>无法将财务数据导出到 {path}：文件夹 {folder} 不存在；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="22" />
            <source>Cannot export finance to {path}: {folder} is not a folder; nothing was exported.</source>
            <translation>无法将财务数据导出到 {path}：{folder} 不是文件夹；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="25" />
            <source>Cannot export finance to {path}: the folder {folder} is not writable; nothing was exported.</source>
            <translation>无法将财务数据导出到 {path}：文件夹 {folder} 不可写；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="30" />
            <source>Unknown {what} {value}; expected one of {choices}.</source>
            <translation>未知的{what} {value}；应为以下之一：{choices}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="31" />
            <source>page size</source>
            <translation>纸张尺寸</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="32" />
            <source>document language</source>
            <translation>单据语言</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="33" />
            <source>label size</source>
            <translation>标签尺寸</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="34" />
            <source>choice</source>
            <translation>选项</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="35" />
            <source>The document cannot be made: {detail}</source>
            <translation>无法生成单据：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="36" />
            <source>RMA {code} has no units to label.</source>
            <translation>退货单 {code} 没有可贴标签的单件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="37" />
            <source>{code} is an RMA code; an evidence pack is made per unit: give one of its LPNs ({lpns}…).</source>
            <translation>{code} 是退货单号；证据包按单件制作：请给出它的一个件号(LPN)（{lpns}…）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="40" />
            <source>Unit {lpn} has not been inspected: there is no evidence to pack yet.</source>
            <translation>单件 {lpn} 尚未检验：还没有可打包的证据。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="43" />
            <source>Photo {sha256} in the store no longer matches its hash; the evidence cannot be packed.</source>
            <translation>存储中的照片 {sha256} 与其哈希不再一致；无法打包证据。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="46" />
            <source>Video {sha256} in the store no longer matches its hash; the evidence cannot be packed.</source>
            <translation>存储中的视频 {sha256} 与其哈希不再一致；无法打包证据。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="50" />
            <source>This station was started without database maintenance; back up the database with the tools of its server.</source>
            <translation>此工位启动时未启用数据库维护；请用数据库服务器的工具备份数据库。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="54" />
            <source>{path} is a folder; name the backup file to write.</source>
            <translation>{path} 是文件夹；请指定要写入的备份文件名。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="56" />
            <source>The policy file is too large ({size} bytes; at most {limit}); choose the right file.</source>
            <translation>政策文件太大（{size} 字节；最多 {limit}）；请选择正确的文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="59" />
            <source>The policy text is too large (at most {limit} bytes).</source>
            <translation>政策文本太大（最多 {limit} 字节）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="60" />
            <source>The policy file is not UTF-8 ({detail}); save it as UTF-8.</source>
            <location filename="../../qc_station/domain/messages/policy.py" line="9" />
            <translation>政策文件不是 UTF-8（{detail}）；请另存为 UTF-8。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="61" />
            <source>The active policy {policy_hash} has no stored text; activate a valid policy.</source>
            <translation>当前生效的政策 {policy_hash} 没有存储文本；请启用一个有效的政策。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="64" />
            <source>The active policy {policy_hash} in the database does not load with this version of the program: {cause} Activate a valid policy.</source>
            <translation>数据库中当前生效的政策 {policy_hash} 无法被此版本程序加载：{cause} 请启用一个有效的政策。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="68" />
            <source>Say why the policy changes: a note is required to activate a policy.</source>
            <translation>请说明政策更改的原因：启用政策需要填写备注。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="71" />
            <source>Policy {policy_hash} is already the active policy (activated by {user} at {activated_at}).</source>
            <translation>政策 {policy_hash} 已是当前生效的政策（由 {user} 于 {activated_at} 启用）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="75" />
            <source>The import of {file} was cancelled; nothing was imported.</source>
            <translation>{file} 的导入已取消；未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="76" />
            <source>SKU {sku} is not in the product catalog, which an Amazon report needs for price, currency and supplier; import the catalog first (qc-station import-catalog) and then this file again.</source>
            <translation>SKU {sku} 不在商品目录中，而亚马逊报告需要从目录获取价格、币种和供应商；请先导入商品目录（qc-station import-catalog），再导入此文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="81" />
            <source>SKU {sku} has no unit price or currency in the product catalog; import a catalog with them first.</source>
            <translation>SKU {sku} 在商品目录中没有单价或币种；请先导入包含它们的目录。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="85" />
            <source>SKU {sku} has the currency {value} in the catalog, which does not fit this return.</source>
            <translation>SKU {sku} 在目录中的币种为 {value}，与此退货不符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="88" />
            <source>The market of this return cannot be told from its catalog currency {currency_code} (known for Amazon: {known}).</source>
            <translation>无法从目录币种 {currency_code} 判断此退货的市场（亚马逊已知：{known}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="92" />
            <source>RMA {rma} has already been decided; the change was not applied.</source>
            <translation>退货单 {rma} 已有决定；更改未应用。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="93" />
            <source>RMA {rma} is already being inspected; the change was not applied.</source>
            <translation>退货单 {rma} 正在检验中；更改未应用。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="97" />
            <source>This station needs a name: set {key} in the configuration.</source>
            <translation>此工位需要一个名称：请在配置中设置 {key}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="98" />
            <source>Print job {job} is no longer waiting.</source>
            <location filename="../../qc_station/domain/messages/station.py" line="137" />
            <translation>打印任务 {job} 已不在等待中。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="99" />
            <source>No label printer is set for this station; an admin chooses one under Administration → Printers, then retry.</source>
            <translation>此工位未设置标签打印机；请管理员在“管理 → 打印机”中选择，然后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="103" />
            <source>No report printer is set for this station; an admin chooses one under Administration → Printers, then retry.</source>
            <translation>此工位未设置报告打印机；请管理员在“管理 → 打印机”中选择，然后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="108" />
            <source>The period's start has no time zone.</source>
            <translation>时段的开始时间没有时区。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="109" />
            <source>The period's end has no time zone.</source>
            <translation>时段的结束时间没有时区。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/files.py" line="110" />
            <source>The period's start must be before its end.</source>
            <translation>时段的开始必须早于结束。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="7" />
            <source>The market must be a two-letter country code, such as US, DE or CN.</source>
            <translation>市场必须是两位字母的国家代码，如 US、DE 或 CN。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="8" />
            <source>Enter the SKU printed on the item.</source>
            <translation>请输入商品上印的 SKU。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="10" />
            <source>{field} is {length} characters long; at most {limit} are allowed.</source>
            <translation>{field} 长 {length} 个字符；最多允许 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="11" />
            <source>{field} '{value}' contains the control character {character}; only printable text is allowed.</source>
            <translation>{field}“{value}”包含控制字符 {character}；只允许可打印的文本。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="15" />
            <source>{field} '{value}' is not a whole number of {low} or more.</source>
            <translation>{field}“{value}”不是大于或等于 {low} 的整数。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="16" />
            <source>{field} '{value}' must be between {low} and {high}.</source>
            <translation>{field}“{value}”必须在 {low} 到 {high} 之间。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="17" />
            <source>{field} '{value}' is not a number.</source>
            <translation>{field}“{value}”不是数字。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="18" />
            <source>{field} '{value}' is not a number (write plain digits 0-9 with a dot: no exponent, no '_').</source>
            <translation>{field}“{value}”不是数字（请只用数字 0-9 和小数点书写：不要用指数，不要用“_”）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="22" />
            <source>{field} '{value}' is not a number (more than {limit} characters).</source>
            <translation>{field}“{value}”不是数字（超过 {limit} 个字符）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="23" />
            <source>{field} '{value}' is negative.</source>
            <translation>{field}“{value}”是负数。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="24" />
            <source>{field} '{value}' is too large: at most {limit}.</source>
            <translation>{field}“{value}”过大：最多为 {limit}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="25" />
            <source>{field} '{value}' is too large: at most {limit} {currency}.</source>
            <translation>{field}“{value}”过大：最多为 {limit} {currency}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="26" />
            <source>{field} {value} has no currency.</source>
            <translation>{field} {value} 没有币种。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="27" />
            <source>{field} '{value}' is ambiguous: write it with a dot as the decimal separator and no thousands separator.</source>
            <translation>{field}“{value}”有歧义：请用小数点“.”作为小数分隔符，且不要使用千位分隔符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="32" />
            <source>{file} starts with a UTF-16 byte-order mark but is not valid UTF-16; save the file as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.</source>
            <translation>{file} 以 UTF-16 字节顺序标记（BOM）开头，但不是有效的 UTF-16；请将文件另存为 UTF-8（在 Excel 中：另存为“CSV UTF-8（逗号分隔）”）后重新导入。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="36" />
            <source>{file} contains NUL bytes (the first is byte {byte} of the file); it is not a text file, or it is UTF-16 without a byte-order mark. Save it as UTF-8 and import it again.</source>
            <translation>{file} 包含 NUL 字节（第一个位于文件的第 {byte} 字节）；它不是文本文件，或是不带字节顺序标记的 UTF-16 文件。请将其另存为 UTF-8 后重新导入。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="40" />
            <source>{file} contains NUL characters (first on line {line}); it is not a text file, or it is UTF-16 without a byte-order mark. Save it as UTF-8 and import it again.</source>
            <translation>{file} 包含 NUL 字符（第一个在第 {line} 行）；它不是文本文件，或是不带字节顺序标记的 UTF-16 文件。请将其另存为 UTF-8 后重新导入。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="44" />
            <source>{file} is not UTF-8: line {line}, column {column} has the byte {bad_byte} (byte {byte} of the file), which is not valid UTF-8. The file was probably saved in a legacy encoding (such as Windows-1252 or GBK); save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.</source>
            <translation>{file} 不是 UTF-8 编码：第 {line} 行第 {column} 列的字节 {bad_byte}（文件的第 {byte} 字节）不是有效的 UTF-8。该文件可能以旧式编码（如 Windows-1252 或 GBK）保存；请将其另存为 UTF-8（在 Excel 中：另存为“CSV UTF-8（逗号分隔）”）后重新导入。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="50" />
            <source>{file} is empty: there is no header line.</source>
            <translation>{file} 为空：没有表头行。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="51" />
            <source>{file}: the header on line {line} cannot be read: {problem}</source>
            <translation>{file}：无法读取第 {line} 行的表头：{problem}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="52" />
            <source>{file}: the columns '{first}' and '{second}' both mean {column}; keep one of them.</source>
            <translation>{file}：列“{first}”和“{second}”都表示 {column}；请只保留其中一列。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="55" />
            <source>{file}: the header is not a product catalog's: it lacks the column(s) {missing} (the header has: {header}).</source>
            <translation>{file}：该表头不是商品目录的表头：缺少列 {missing}（表头包含：{header}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="59" />
            <source>{file}: the header is not one of a known format. Read as an RMA manifest, it lacks the column(s) {missing} (the header has: {header}).</source>
            <translation>{file}：该表头不属于任何已知格式。若按退货单清单读取，缺少列 {missing}（表头包含：{header}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="63" />
            <source>{file}: the header is not one of a known format. Read as an Amazon FBA customer returns report, it lacks the column(s) {missing} (the header has: {header}).</source>
            <translation>{file}：该表头不属于任何已知格式。若按亚马逊 FBA 客户退货报告读取，缺少列 {missing}（表头包含：{header}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="68" />
            <source>A quoted field that starts on this line is never closed (unclosed quote).</source>
            <translation>从此行开始的带引号字段没有闭合（引号未闭合）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="71" />
            <source>Malformed quotes: text follows the closing quote of a field (a quote inside a quoted field must be doubled: "").</source>
            <translation>引号格式错误：字段的结束引号后面还有文字（带引号字段中的引号必须写成两个：""）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="75" />
            <source>A field is longer than {limit} characters; a quote opened on this line is probably not closed.</source>
            <translation>某个字段超过 {limit} 个字符；此行开始的引号可能没有闭合。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="79" />
            <source>Malformed CSV: {detail}</source>
            <translation>CSV 格式错误：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="80" />
            <source>{found} columns instead of {width}; a quote opened on this line is probably not closed.</source>
            <translation>有 {found} 列，而不是 {width} 列；此行开始的引号可能没有闭合。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="83" />
            <source>{found} columns instead of {width} (a delimiter is missing or one too many, or a field with a delimiter in it is not quoted).</source>
            <translation>有 {found} 列，而不是 {width} 列（缺少或多了一个分隔符，或者含分隔符的字段没有加引号）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="87" />
            <source>{field} is empty.</source>
            <translation>{field} 为空。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="88" />
            <source>{field} '{value}' is not a known ISO 4217 currency code.</source>
            <translation>{field}“{value}”不是已知的 ISO 4217 币种代码。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="89" />
            <source>{field} '{value}' is not a date in the form YYYY-MM-DD.</source>
            <translation>{field}“{value}”不是 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="90" />
            <source>{field} {value} is in the future.</source>
            <translation>{field} {value} 是未来的日期。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="91" />
            <source>{field} {value} is before {other_field} {other_value}.</source>
            <translation>{field} {value} 早于 {other_field} {other_value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="92" />
            <source>{field} '{value}' is not a 2-letter country code (such as US, DE, GB, CN).</source>
            <translation>{field}“{value}”不是两位字母的国家代码（如 US、DE、GB、CN）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="95" />
            <source>{field} '{value}' is not a whole number.</source>
            <translation>{field}“{value}”不是整数。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="96" />
            <source>{field} '{value}' must be at least 1.</source>
            <translation>{field}“{value}”必须至少为 1。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="97" />
            <source>{field} '{value}' is more than {limit}, the most one row may hold; check that the columns are not shifted.</source>
            <translation>{field}“{value}”超过 {limit}，即一行最多可填的数量；请检查各列是否错位。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="101" />
            <source>{field} '{value}' is neither REFUND nor EXCHANGE (also accepted: money back, replacement).</source>
            <translation>{field}“{value}”既不是 REFUND 也不是 EXCHANGE（也接受：money back、replacement）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="104" />
            <source>{field} '{value}' is ambiguous: write 1234 for a thousand and more, or 1.234 with a dot for a decimal.</source>
            <translation>{field}“{value}”有歧义：一千及以上的数请写成 1234，小数请用小数点写成 1.234。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="108" />
            <source>{field} '{value}' differs from '{other_value}' on line {other_line} (all rows of RMA {rma} must agree).</source>
            <translation>{field}“{value}”与第 {other_line} 行的“{other_value}”不同（退货单 {rma} 的所有行必须一致）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="112" />
            <source>Not imported: RMA {rma} has an error on line(s) {lines}; fix them and import the file again.</source>
            <translation>未导入：退货单 {rma} 在第 {lines} 行有错误；请改正后重新导入文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="116" />
            <source>Not imported: the reasons of RMA {rma} together are {length} characters long; an RMA's reason may have at most {limit}.</source>
            <translation>未导入：退货单 {rma} 的原因合计 {length} 个字符；一个退货单的原因最多 {limit} 个字符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="120" />
            <source>RMA code {rma} is already used on line {other_line}; each row of an Amazon report is one return (this row was not imported).</source>
            <translation>退货单号 {rma} 已在第 {other_line} 行使用；亚马逊报告的每一行是一笔退货（此行未导入）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="124" />
            <source>SKU {sku} is on lines {lines} with different values; keep one row for it.</source>
            <translation>SKU {sku} 出现在第 {lines} 行，且值各不相同；请只保留一行。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="128" />
            <source>The cases file is not UTF-8 ({detail}); save it as UTF-8.</source>
            <translation>案例文件不是 UTF-8 编码（{detail}）；请将其另存为 UTF-8。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="129" />
            <source>The cases file is empty: it needs a header row.</source>
            <translation>案例文件为空：需要有表头行。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="130" />
            <source>The cases file cannot be read after line {line}: {detail}</source>
            <translation>第 {line} 行之后的案例文件无法读取：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="131" />
            <source>Column '{column}' appears twice.</source>
            <translation>列“{column}”出现了两次。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="132" />
            <source>The cases file lacks the column(s) {missing} (it needs {needed}).</source>
            <translation>案例文件缺少列 {missing}（需要 {needed}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="133" />
            <source>The row has {cells} cells but the header has {width}.</source>
            <translation>该行有 {cells} 个单元格，但表头有 {width} 个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="134" />
            <source>{field} '{value}' is not one of {choices}.</source>
            <translation>{field}“{value}”不是 {choices} 之一。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/imports.py" line="135" />
            <source>photos '{value}' is not a whole number of photos (0 or more).</source>
            <translation>photos“{value}”不是有效的照片数量（应为 0 或以上的整数）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="8" />
            <source>Nothing was scanned; scan the code again.</source>
            <translation>未扫描到任何内容；请重新扫描条码。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="9" />
            <source>The scanned code is {length} characters long; RMA codes and LPNs have at most {limit} (were two codes scanned at once?).</source>
            <translation>扫描的条码长 {length} 个字符；退货单号和件号(LPN)最多 {limit} 个字符（是否一次扫了两个条码？）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="13" />
            <source>The scanned code contains control characters; scan it again.</source>
            <translation>扫描的条码含有控制字符；请重新扫描。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="14" />
            <source>{code} is an RMA; scan the unit's LPN.</source>
            <translation>{code} 是退货单号；请扫描单件的件号(LPN)。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="15" />
            <source>Unknown code {code}: no RMA or unit has it.</source>
            <translation>未知条码 {code}：没有对应的退货授权或商品件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="16" />
            <source>Unknown LPN {code}: no unit has it.</source>
            <translation>未知件号(LPN) {code}：没有单件使用此号码。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="17" />
            <source>No RMA, unit (LPN), order id, tracking number, SKU or customer is {code}.</source>
            <translation>没有退货单、单件(LPN)、订单号、运单号、SKU 或客户为 {code}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="21" />
            <source>Unit {lpn} is already decided; a supervisor can reopen it.</source>
            <translation>商品件 {lpn} 已判定；主管可以重新打开。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="22" />
            <source>Unit {lpn} is already decided ({headline} by {user} on {decided_at}); a supervisor can reopen it.</source>
            <translation>单件 {lpn} 已有决定（{headline}，由 {user} 于 {decided_at} 决定）；主管可以重新打开它。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="26" />
            <source>Unit {lpn} is waiting for a supervisor's approval.</source>
            <translation>商品件 {lpn} 正在等待主管审批。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="27" />
            <source>Unit {lpn} is being inspected at station {station} by {user} since {since}.</source>
            <translation>商品件 {lpn} 自 {since} 起正由 {user} 在工作站 {station} 质检。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="30" />
            <source>Unit {lpn} is being inspected at station {station} by {user}.</source>
            <translation>商品件 {lpn} 正由 {user} 在工作站 {station} 质检。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="31" />
            <source>Unit {lpn} is not claimed by any station.</source>
            <translation>单件 {lpn} 未被任何工位占用。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="32" />
            <source>Releasing another station's claim needs a reason.</source>
            <translation>释放其他工位的占用需要填写原因。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="33" />
            <source>The age of a stale claim cannot be negative.</source>
            <translation>过期占用的时长不能为负数。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="35" />
            <source>{missing} more photo(s) needed before this decision can be submitted.</source>
            <translation>还需要 {missing} 张照片才能提交此处理结果。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="38" />
            <source>This grade and finding cannot both be true; check them.</source>
            <translation>该等级与检验结论相互矛盾，请检查。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="39" />
            <source>{lpn}: inspected, waiting here for the database to come back. No second inspection.</source>
            <translation>{lpn}：已质检，结果暂存本工位，待数据库恢复后提交。无需再次质检。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="42" />
            <source>The quantity must be between 1 and 100.</source>
            <translation>数量必须在 1 到 100 之间。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="43" />
            <source>Inspection {inspection_id} not found.</source>
            <translation>找不到检验 {inspection_id}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="44" />
            <source>RMA {rma} has no unit price for this item; import the product catalog or correct the manifest.</source>
            <translation>退货单 {rma} 中此商品没有单价；请导入商品目录或更正清单。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="48" />
            <source>Unit {lpn} is not part of RMA {rma}.</source>
            <translation>单件 {lpn} 不属于退货单 {rma}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="49" />
            <source>Unknown checklist item(s): {items}.</source>
            <translation>未知的检查项：{items}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="50" />
            <source>Required checklist items not answered: {items}.</source>
            <translation>必填检查项未作答：{items}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="51" />
            <source>Unknown checklist item(s): {items}; required checklist items not answered: {missing}.</source>
            <translation>未知的检查项：{items}；必填检查项未作答：{missing}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="54" />
            <source>At most {limit} photos per inspection.</source>
            <translation>每次检验最多 {limit} 张照片。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="55" />
            <source>Photo {number} has no time zone on its capture time.</source>
            <translation>照片 {number} 的拍摄时间没有时区。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="56" />
            <source>Photo {number} is not a JPEG or PNG image.</source>
            <translation>照片 {number} 不是 JPEG 或 PNG 图片。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="57" />
            <source>Photo {number} is larger than {megabytes} MB.</source>
            <translation>照片 {number} 大于 {megabytes} MB。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="59" />
            <source>Unit {lpn} is {current}, not awaiting approval; refresh the queue.</source>
            <translation>单件 {lpn} 的状态是 {current}，不在等待审批；请刷新队列。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="60" />
            <source>{user} decided unit {lpn} and cannot also approve it: another supervisor must (four eyes).</source>
            <translation>{user} 决定了单件 {lpn}，不能再审批它：必须由另一位主管审批（四眼原则）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="63" />
            <source>A rejection needs a comment for the inspector.</source>
            <translation>退回需要给检验员写一条备注。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="64" />
            <source>Reopening a decided unit needs a reason.</source>
            <translation>重新打开已决定的单件需要填写原因。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="65" />
            <source>Unit {lpn} is not a plain case: {problems}. Approve it on its own.</source>
            <translation>单件 {lpn} 不是简单案例：{problems}。请单独审批。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="67" />
            <source>Unknown dispute {dispute}.</source>
            <translation>未知争议 {dispute}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="68" />
            <source>The dispute about unit {lpn} changed since it was shown; look at it again.</source>
            <translation>关于单件 {lpn} 的争议在显示后已被更改；请重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="72" />
            <source>Journal entry {inspection_id} cannot be read back: {detail}.</source>
            <translation>日志条目 {inspection_id} 无法读回：{detail}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="73" />
            <source>Journal entry {inspection_id} is not signed by a sign-in (written by an older version, or edited); kept aside.</source>
            <translation>日志条目 {inspection_id} 没有登录签名（由旧版本写入，或被修改过）；已搁置。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="77" />
            <source>Journal entry {inspection_id} names a sign-in the site does not know; kept aside.</source>
            <translation>日志条目 {inspection_id} 引用了站点不认识的登录；已搁置。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="80" />
            <source>Journal entry {inspection_id} claims user {user} at {station} but was signed in by {signed_user} at {signed_station}; kept aside.</source>
            <translation>日志条目 {inspection_id} 声称是 {station} 的用户 {user}，但登录者是 {signed_station} 的 {signed_user}；已搁置。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="84" />
            <source>Journal entry {inspection_id} was written at {written_at}, not at this station ({station}); kept aside.</source>
            <translation>日志条目 {inspection_id} 写于 {written_at}，不是本工位（{station}）；已搁置。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="88" />
            <source>Journal entry {inspection_id} was changed after it was written; kept aside.</source>
            <translation>日志条目 {inspection_id} 写入后被修改过；已搁置。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="89" />
            <source>This inspection is still waiting to be sent; it cannot be discarded.</source>
            <translation>此检验仍在等待发送；不能丢弃。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/inspection.py" line="92" />
            <source>A journal entry holds no floating-point values.</source>
            <translation>日志条目不能包含浮点数值。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="7" />
            <source>Unknown currency {value}: use a three-letter code such as USD, EUR or CNY.</source>
            <translation>未知币种 {value}：请使用三位字母代码，如 USD、EUR 或 CNY。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="10" />
            <source>The price must not be negative.</source>
            <translation>价格不能为负数。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="11" />
            <source>{value} {currency} is too much: at most {limit} {currency} can be accepted here.</source>
            <translation>{value} {currency} 过多：此处最多可接受 {limit} {currency}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="14" />
            <source>{value} has more decimals than {currency} allows.</source>
            <translation>{value} 的小数位数超过 {currency} 允许的位数。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="15" />
            <source>There is no open vendor-return batch for supplier {party}.</source>
            <translation>供应商 {party} 没有未结的退回供应商批次。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="16" />
            <source>There is no open claim for carrier {party}.</source>
            <translation>承运商 {party} 没有未提交的物流索赔。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="17" />
            <source>There is no vendor-return batch or carrier claim {case}.</source>
            <translation>没有编号为 {case} 的退回供应商批次或物流索赔。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="18" />
            <source>The units of {case} are locked: it is no longer open.</source>
            <translation>{case} 已不再开放，其中的单件已锁定。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="19" />
            <source>{case} cannot take this step in its present state; refresh and look again.</source>
            <translation>{case} 在当前状态下不能执行此操作；请刷新后重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="22" />
            <source>This case has no number yet: close the batch (or file the claim) first.</source>
            <translation>此案件尚无编号：请先结批（或提交索赔）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="25" />
            <source>This batch or claim has no units: there is nothing to close.</source>
            <translation>此批次或索赔没有单件，无可结批。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="26" />
            <source>A batch of {units} unit(s) ships in 1 to {units} cartons; {value} cannot be right.</source>
            <translation>共 {units} 件的批次应装 1 至 {units} 箱；{value} 箱不正确。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="29" />
            <source>This batch or claim claims no {value}; its currencies are {currencies}.</source>
            <translation>此批次或索赔没有以 {value} 计的金额；其币种为 {currencies}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="32" />
            <source>Say which currency the payment is in: this batch or claim claims {currencies}.</source>
            <translation>请注明付款币种：此批次或索赔涉及 {currencies}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="35" />
            <source>Unit {lpn} is in no vendor-return batch or carrier claim.</source>
            <translation>单件 {lpn} 不在任何供应商退货批次或物流索赔中。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="36" />
            <source>A denial has no amount; leave the amount empty.</source>
            <translation>拒付没有金额；请将金额留空。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="37" />
            <source>A payment needs its amount.</source>
            <translation>付款需要填写金额。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="39" />
            <source>The finance export was cancelled; nothing was exported.</source>
            <translation>财务导出已取消；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="40" />
            <source>The finance export was cancelled while writing the file; batch {batch_id} is recorded: re-export it to get its file (qc-station export finance --batch {batch_id}).</source>
            <translation>财务导出在写文件时被取消；批次 {batch_id} 已记录：重新导出即可得到其文件（qc-station export finance --batch {batch_id}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="45" />
            <source>Cannot number after the export batch {batch_id}.</source>
            <translation>无法在导出批次 {batch_id} 之后编号。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="46" />
            <source>More than {limit} finance exports today; try again tomorrow.</source>
            <translation>今天的财务导出已超过 {limit} 次；请明天再试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="47" />
            <source>The file written for batch {batch_id} ({rows} rows, SHA-256 {sha256}) differs from the one exported ({expected_rows} rows, SHA-256 {expected_sha256}): the batch's data changed since; do not use this file.</source>
            <translation>为批次 {batch_id} 写出的文件（{rows} 行，SHA-256 {sha256}）与导出时的文件（{expected_rows} 行，SHA-256 {expected_sha256}）不同：该批次的数据此后已更改；请勿使用此文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="52" />
            <source>Batch {batch_id}: {marked} decisions marked but {rows} rows listed; nothing was exported.</source>
            <translation>批次 {batch_id}：标记了 {marked} 个决定，但列出了 {rows} 行；未导出任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/money.py" line="55" />
            <source>Unknown export batch {batch_id}.</source>
            <translation>未知导出批次 {batch_id}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="8" />
            <source>The policy file is {size} bytes; a policy is at most {limit}.</source>
            <translation>退货政策文件有 {size} 字节；退货政策文件最多 {limit} 字节。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="10" />
            <source>The policy file is not valid TOML: {detail}</source>
            <translation>退货政策文件不是有效的 TOML：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="11" />
            <source>The policy file is nested too deeply to read (arrays or tables inside each other hundreds of levels deep); a policy has at most a few levels.</source>
            <translation>退货政策文件嵌套层级过深，无法读取（数组或表相互嵌套达数百层）；退货政策最多只有几层。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="15" />
            <source>Cannot read the policy file {path}: {detail}</source>
            <translation>无法读取退货政策文件 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="17" />
            <source>Policy key '{key}': unknown key.</source>
            <translation>政策项“{key}”：未知的政策项。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="18" />
            <source>Policy key '{key}': unknown key (did you mean '{suggestion}'?).</source>
            <translation>政策项“{key}”：未知的政策项（是否应为“{suggestion}”？）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="21" />
            <source>Policy key '{key}': must be a whole number, not {value}.</source>
            <translation>政策项“{key}”：必须是整数，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="22" />
            <source>Policy key '{key}': must be between {low} and {high}, not {value}.</source>
            <translation>政策项“{key}”：必须在 {low} 到 {high} 之间，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="23" />
            <source>Policy key '{key}': must be at least {low}, not {value}.</source>
            <translation>政策项“{key}”：必须至少为 {low}，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="24" />
            <source>Policy key '{key}': must be a number, not {value}.</source>
            <translation>政策项“{key}”：必须是数字，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="25" />
            <source>Policy key '{key}': must be a finite number, not {value}.</source>
            <translation>政策项“{key}”：必须是有限的数字，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="26" />
            <source>Policy key '{key}': must not be negative, not {value}.</source>
            <translation>政策项“{key}”：不能为负数，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="27" />
            <source>Policy key '{key}': is too large: {value}.</source>
            <translation>政策项“{key}”：数值过大：{value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="28" />
            <source>Policy key '{key}': must be between 0 and 100, not {value}.</source>
            <translation>政策项“{key}”：必须在 0 到 100 之间，当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="29" />
            <source>Policy key '{key}': must be a table, not {value}.</source>
            <translation>政策项“{key}”：必须是表（table），当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="30" />
            <source>Policy key '{key}': also written as '{other}'; keep one of them (keys differ only in letter case).</source>
            <translation>政策项“{key}”：另有写法“{other}”；请只保留其中一个（两者仅大小写不同）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="34" />
            <source>Policy key '{key}': a market must be a two-letter ISO country code in upper case.</source>
            <translation>政策项“{key}”：市场必须是大写的两位字母 ISO 国家代码。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="37" />
            <source>Policy key '{key}': not an ISO 4217 currency code.</source>
            <translation>政策项“{key}”：不是 ISO 4217 币种代码。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="38" />
            <source>Policy key '{key}': missing: every grade needs a deduction.</source>
            <translation>政策项“{key}”：缺失：每个等级都需要设定扣减。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="39" />
            <source>Policy key '{key}': missing: every finding needs a count.</source>
            <translation>政策项“{key}”：缺失：每个检验结论都需要设定数量。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="40" />
            <source>Policy key '{key}': 0 would send every customer-caused return to dispute.</source>
            <translation>政策项“{key}”：设为 0 会使所有客户原因的退货都转为争议。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="43" />
            <source>Policy key '{key}': has {count} categories; at most {limit}.</source>
            <translation>政策项“{key}”：有 {count} 个品类；最多 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="44" />
            <source>Policy key '{key}': a category name has at most {limit} characters.</source>
            <translation>政策项“{key}”：品类名称最多 {limit} 个字符。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="47" />
            <source>Policy key '{key}': must be a list of items ([[checklists.NAME]] tables).</source>
            <translation>政策项“{key}”：必须是检查项列表（[[checklists.NAME]] 表）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="50" />
            <source>Policy key '{key}': has {count} items; at most {limit}.</source>
            <translation>政策项“{key}”：有 {count} 项；最多 {limit} 项。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="51" />
            <source>Policy key '{key}': must be a lower-case identifier such as 'powers_on'.</source>
            <translation>政策项“{key}”：必须是小写标识符，如“powers_on”。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="54" />
            <source>Policy key '{key}': '{value}' appears twice.</source>
            <translation>政策项“{key}”：“{value}”出现了两次。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="55" />
            <source>Policy key '{key}': must be the question in plain words.</source>
            <translation>政策项“{key}”：必须是用通俗文字写出的问题。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="56" />
            <source>Policy key '{key}': must be text.</source>
            <translation>政策项“{key}”：必须是文本。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="57" />
            <source>Policy key '{key}': has {length} characters; at most {limit}.</source>
            <translation>政策项“{key}”：有 {length} 个字符；最多 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="58" />
            <source>Policy key '{key}': must be true or false.</source>
            <translation>政策项“{key}”：必须是 true 或 false。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/policy.py" line="60" />
            <source>An override needs a written reason: say why the outcome differs from the policy's.</source>
            <translation>改判需要填写理由：请说明结果为何与退货政策的建议不同。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="9" />
            <source>Return window unknown: no delivery, order or request date; decided as if it holds</source>
            <translation>退货期限未知：没有送达、下单或申请日期；按在退货期限内处理</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="12" />
            <source>Return window holds: requested {days} days after {basis}, limit {limit} days for {market}</source>
            <translation>在退货期限内：{basis}后 {days} 天申请，{market} 的期限为 {limit} 天</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="15" />
            <source>Return window exceeded: requested {days} days after {basis}, limit {limit} days for {market}</source>
            <translation>超出退货期限：{basis}后 {days} 天申请，{market} 的期限为 {limit} 天</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="20" />
            <source>Wrong item: a different item, a serial that does not match or an empty box; disputed, no refund, item held</source>
            <translation>错发商品：商品不同、序列号不符或空箱；转为争议，不退款，商品扣留</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="24" />
            <source>{finding} is on the seller's side: exchange as the customer asked, whatever the window</source>
            <translation>{finding}属于卖方责任：按客户要求换货，不受退货期限限制</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="27" />
            <source>{finding} is on the seller's side: full refund of {amount} {currency}, whatever the window</source>
            <translation>{finding}属于卖方责任：全额退款 {amount} {currency}，不受退货期限限制</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="30" />
            <source>Supplier chargeback of {amount} {currency}; item returns to the vendor</source>
            <translation>供应商扣款 {amount} {currency}；商品退回供应商</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="31" />
            <source>Carrier claim of {amount} {currency}</source>
            <translation>物流索赔 {amount} {currency}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="32" />
            <source>Not as described: the listing is flagged for review</source>
            <translation>与描述不符：商品页已标记待复核</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="33" />
            <source>Customer-side finding outside the return window: disputed, no refund, item held</source>
            <translation>客户原因的检验结论且超出退货期限：转为争议，不退款，商品扣留</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="36" />
            <source>Missing parts: {deduction}% deducted (the larger of grade {grade_letter}'s {grade_deduction}% and {parts_deduction}% for missing parts); refund {amount} {currency}</source>
            <translation>缺少部件：扣减 {deduction}%（取等级 {grade_letter} 的 {grade_deduction}% 与缺件的 {parts_deduction}% 中较大者）；退款 {amount} {currency}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="40" />
            <source>Grade {grade_letter} deduction of {deduction}% is at or above {limit}%: disputed, no refund, item held</source>
            <translation>等级 {grade_letter} 的扣减 {deduction}% 达到或超过 {limit}%：转为争议，不退款，商品扣留</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="44" />
            <source>Grade {grade_letter}, {finding}: full refund of {amount} {currency}</source>
            <translation>等级 {grade_letter}，{finding}：全额退款 {amount} {currency}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="45" />
            <source>Grade {grade_letter}, {finding}: {deduction}% deducted, refund {amount} {currency}</source>
            <translation>等级 {grade_letter}，{finding}：扣减 {deduction}%，退款 {amount} {currency}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="48" />
            <source>Overridden by the inspector to {headline}: {reason}</source>
            <translation>质检员已改判为{headline}：{reason}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="50" />
            <source>Needs approval: {resolution} needs a supervisor</source>
            <translation>需要审批：{resolution}需要主管审批</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="51" />
            <source>Needs approval: no approval threshold is set for {currency}</source>
            <translation>需要审批：未为 {currency} 设置审批阈值</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="52" />
            <source>Needs approval: {amount} {currency} is at or above the threshold of {threshold} {currency}</source>
            <translation>需要审批：{amount} {currency} 达到或超过阈值 {threshold} {currency}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="55" />
            <source>Needs approval: the inspector overrode the policy's proposal</source>
            <translation>需要审批：质检员改判了退货政策的建议</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="56" />
            <source>Needs approval: return window unknown</source>
            <translation>需要审批：退货期限未知</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="57" />
            <source>Needs approval: unexpected return (no RMA was issued)</source>
            <translation>需要审批：意外退货（未开具退货单）</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="58" />
            <source>Needs approval: the unit was reopened by {user}; someone else must approve its new decision</source>
            <translation>需要审批：该单件由 {user} 重新打开，其新处置决定须由其他人审批</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="63" />
            <source>Not a plain case: {reasons}</source>
            <translation>不属于简单情形：{reasons}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="64" />
            <source>The inspector overrode the proposal</source>
            <translation>质检员改判了建议</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="65" />
            <source>The inspection is not on record</source>
            <translation>没有检验记录</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="66" />
            <source>Finding {finding}, yet checklist items failed: {items}</source>
            <translation>检验结论为{finding}，但有检查项未通过：{items}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="67" />
            <source>It was sent back once before</source>
            <translation>之前已被退回过一次</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/reasons.py" line="68" />
            <source>Decided under another policy version than the one in force</source>
            <translation>按非现行版本的退货政策判定</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="9" />
            <source>No camera: is the webcam plugged in and not in use by another program?</source>
            <translation>没有摄像头：请检查摄像头是否已连接，且未被其他程序占用。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="12" />
            <source>The camera stopped giving a picture; check its cable, then turn it on again.</source>
            <translation>摄像头没有画面了；请检查连接线，然后重新打开。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="13" />
            <source>'{value}' is not a camera: give a camera number (0 is the first webcam), a device path such as /dev/video0, an rtsp:// or http(s):// address, or an existing video file.</source>
            <translation>“{value}”不是摄像头：请填写摄像头编号（0 为第一个本机摄像头）、设备路径（如 /dev/video0）、rtsp:// 或 http(s):// 地址，或已有的视频文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="17" />
            <source>Camera number {value} is out of range (0–{limit}).</source>
            <translation>摄像头编号 {value} 超出范围（0–{limit}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="18" />
            <source>'{value}': {scheme}:// cameras are not supported; give a camera number (0 is the first webcam), a device path such as /dev/video0, an rtsp:// or http(s):// address, or an existing video file.</source>
            <translation>“{value}”：不支持 {scheme}:// 摄像头；请填写摄像头编号（0 为第一个本机摄像头）、设备路径（如 /dev/video0）、rtsp:// 或 http(s):// 地址，或已有的视频文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="23" />
            <source>'{value}' names no host; give a camera number (0 is the first webcam), a device path such as /dev/video0, an rtsp:// or http(s):// address, or an existing video file.</source>
            <translation>“{value}”没有指定主机；请填写摄像头编号（0 为第一个本机摄像头）、设备路径（如 /dev/video0）、rtsp:// 或 http(s):// 地址，或已有的视频文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="27" />
            <source>'{value}' is neither a device nor a file; give a camera number (0 is the first webcam), a device path such as /dev/video0, an rtsp:// or http(s):// address, or an existing video file.</source>
            <translation>“{value}”既不是设备也不是文件；请填写摄像头编号（0 为第一个本机摄像头）、设备路径（如 /dev/video0）、rtsp:// 或 http(s):// 地址，或已有的视频文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="32" />
            <source>The video file {source} does not exist.</source>
            <translation>视频文件 {source} 不存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="33" />
            <source>Cannot open camera {source}: is it plugged in and not in use by another program?</source>
            <translation>无法打开摄像头 {source}：是否已插好，并且没有被其他程序占用？</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="36" />
            <source>Cannot open camera device {source}: is it plugged in and not in use by another program?</source>
            <translation>无法打开摄像头设备 {source}：是否已插好，并且没有被其他程序占用？</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="39" />
            <source>Cannot open camera stream {source}: is the camera on the network, and its address and password right?</source>
            <translation>无法打开摄像头视频流 {source}：摄像头是否已联网，地址和密码是否正确？</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="43" />
            <source>Cannot open video file {source}: is it a video file OpenCV can read?</source>
            <translation>无法打开视频文件 {source}：这是 OpenCV 能读取的视频文件吗？</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="47" />
            <source>Unit {lpn} is {current}; it cannot be claimed for inspection.</source>
            <translation>单件 {lpn} 的状态为{current}，无法领取检验。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="48" />
            <source>Unit {lpn} is {current}; it cannot move to {target_state}.</source>
            <translation>单件 {lpn} 的状态为{current}，无法转为{target_state}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="49" />
            <source>Unit {lpn} was changed by someone else; scan it again.</source>
            <translation>单件 {lpn} 已被他人修改；请重新扫描。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="50" />
            <source>Unit {lpn} has no line {line} in its RMA.</source>
            <translation>单件 {lpn} 的退货单中没有第 {line} 行。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="51" />
            <source>RMA {code} exists already.</source>
            <translation>退货单 {code} 已存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="52" />
            <source>LPN {lpn} exists already.</source>
            <translation>件号 {lpn} 已存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="53" />
            <source>The RMAs collide with stored ones or break a constraint.</source>
            <translation>这些退货单与已存储的退货单冲突，或违反了约束。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="54" />
            <source>RMA {code} not found.</source>
            <translation>未找到退货单 {code}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="55" />
            <source>RMA {code} is already being inspected; its lines cannot change.</source>
            <translation>退货单 {code} 已在检验中，其明细行不能再修改。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="56" />
            <source>{case} is no longer open: units can only join an open case.</source>
            <translation>{case} 已不再开启：单件只能加入开启中的案件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="59" />
            <source>Pulling a unit out of a batch needs a reason.</source>
            <translation>将单件移出批次需要填写原因。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="60" />
            <source>Unit {lpn} is not in {case}.</source>
            <translation>单件 {lpn} 不在 {case} 中。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="61" />
            <source>A payment of {value} {currency} is more than the {limit} {currency} still claimed on {case}.</source>
            <translation>{value} {currency} 的付款超过了 {case} 仍在索赔的 {limit} {currency}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="65" />
            <source>A payment must be more than 0 {currency}.</source>
            <translation>付款必须大于 0 {currency}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="66" />
            <source>{case} was changed by someone else; look at it again.</source>
            <translation>{case} 已被他人修改，请重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="67" />
            <source>Supplier {party} has an open vendor-return batch already, or one of its units is in another case; look again.</source>
            <translation>供应商 {party} 已有一个未结的退供应商批次，或其某件单件已在其他案件中，请重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="71" />
            <source>Carrier {party} has an open claim already, or one of its units is in another case; look again.</source>
            <translation>承运商 {party} 已有一个未结的索赔，或其某件单件已在其他案件中，请重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="75" />
            <source>Case number {number} was just taken; try again.</source>
            <translation>案件编号 {number} 刚被占用，请重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="76" />
            <source>A unit of {case} is in another case already; look again.</source>
            <translation>{case} 中有单件已在其他案件中，请重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="77" />
            <source>The dispute about unit {lpn} cannot take this step in its present state; refresh and look again.</source>
            <translation>单件 {lpn} 的争议在当前状态下无法执行此操作，请刷新后重新查看。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="81" />
            <source>A dispute is closed as won, lost or settled, not {value}.</source>
            <translation>争议的结案结果只能是胜诉、败诉或和解，不能是 {value}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="82" />
            <source>Only a settlement has an amount; leave the amount empty for this outcome.</source>
            <translation>只有和解才有金额，此结果请将金额留空。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="85" />
            <source>A settlement needs the amount agreed, in {currency}.</source>
            <translation>和解需要填写商定的金额（{currency}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="86" />
            <source>A settlement amount must be more than 0 {currency}.</source>
            <translation>和解金额必须大于 0 {currency}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="87" />
            <source>A settlement of {value} {currency} is more than the disputed {limit} {currency}.</source>
            <translation>{value} {currency} 的和解金额超过了争议金额 {limit} {currency}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="90" />
            <source>Checkpoint '{value}' is not SEQ:HASH (a sequence number, a colon and the hash in hex).</source>
            <translation>检查点“{value}”不是 SEQ:HASH 格式（序号、冒号和十六进制哈希）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="94" />
            <source>Export batch {batch_id} exists already.</source>
            <translation>导出批次 {batch_id} 已存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="95" />
            <source>User {username} exists already, or the badge is taken.</source>
            <translation>用户 {username} 已存在，或该工牌已被占用。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="96" />
            <source>The badge of user {username} belongs to another user.</source>
            <translation>用户 {username} 的工牌属于另一位用户。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="97" />
            <source>Inspection {inspection_id} exists already, or unit {lpn} is unknown.</source>
            <translation>检验 {inspection_id} 已存在，或单件 {lpn} 未知。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="100" />
            <source>Video {sha256} is already on inspection {inspection_id}, or the inspection is unknown.</source>
            <translation>视频 {sha256} 已在检验 {inspection_id} 中，或该检验未知。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="103" />
            <source>Policy {policy_hash} is not stored.</source>
            <translation>未存储退货政策 {policy_hash}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="104" />
            <source>Decision {decision_id} has a dispute already, or its unit is unknown.</source>
            <translation>决定 {decision_id} 已有争议，或其单件未知。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="107" />
            <source>Decision {decision_id} exists already, or its unit or inspection is unknown.</source>
            <translation>决定 {decision_id} 已存在，或其单件或检验未知。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="110" />
            <source>Decision {decision_id} not found.</source>
            <translation>未找到决定 {decision_id}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="111" />
            <source>The audit log moved on while writing; try again.</source>
            <translation>写入期间审计日志已更新，请重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="113" />
            <source>No print system: the CUPS client tools (lp, lpstat) are missing; install cups-client.</source>
            <translation>没有打印系统：缺少 CUPS 客户端工具（lp、lpstat），请安装 cups-client。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="116" />
            <source>The printer '{printer}' does not exist on this system (CUPS); an admin chooses an installed one under Administration → Printers, then retry.</source>
            <translation>打印机“{printer}”在本系统（CUPS）中不存在；请管理员在“管理 → 打印机”中选择已安装的打印机，然后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="120" />
            <source>The printer '{printer}' did not accept the job: {detail}</source>
            <translation>打印机“{printer}”未接受打印任务：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="121" />
            <source>The print system (CUPS) is not running; start it or ask IT, then retry.</source>
            <translation>打印系统（CUPS）未运行，请启动它或联系 IT，然后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="122" />
            <source>The print system (CUPS at {server}) is not running; start it or ask IT, then retry.</source>
            <translation>打印系统（{server} 上的 CUPS）未运行，请启动它或联系 IT，然后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="125" />
            <source>{program} is not installed: install the CUPS client (cups-client) to print.</source>
            <translation>未安装 {program}：请安装 CUPS 客户端（cups-client）以便打印。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="128" />
            <source>The print system did not answer within {seconds} s; retry.</source>
            <translation>打印系统在 {seconds} 秒内没有响应，请重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="129" />
            <source>The printer '{printer}' is not installed on this computer; an admin chooses an installed one under Administration → Printers, then retry.</source>
            <translation>本机未安装打印机“{printer}”；请管理员在“管理 → 打印机”中选择已安装的打印机，然后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="133" />
            <source>The document has no pages: nothing was sent to '{printer}'.</source>
            <translation>文档没有页面：未向“{printer}”发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="134" />
            <source>The printer '{printer}' could not be opened; check it, then retry.</source>
            <translation>无法打开打印机“{printer}”，请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="135" />
            <source>The printer '{printer}' reported an error; check it, then retry.</source>
            <translation>打印机“{printer}”报告了错误，请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="136" />
            <source>'{job}' is not a print job id.</source>
            <translation>“{job}”不是打印任务编号。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="140" />
            <source>not enough disk space in {folder}</source>
            <translation>{folder} 中磁盘空间不足</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="141" />
            <source>{folder} is not writable</source>
            <translation>{folder} 不可写入</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="142" />
            <source>{detail} ({folder})</source>
            <translation>{detail}（{folder}）</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="143" />
            <source>An in-memory database has no file to back up or restore.</source>
            <translation>内存数据库没有可备份或恢复的文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="144" />
            <source>{path} is the live database; choose another file for the backup.</source>
            <translation>{path} 是正在使用的数据库，请为备份选择其他文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="145" />
            <source>Cannot write the backup: the folder {folder} does not exist.</source>
            <translation>无法写入备份：文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="146" />
            <source>The backup was not written: {cause}; nothing was left at {path}.</source>
            <translation>备份未写入：{cause}；{path} 处未留下任何文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="147" />
            <source>The backup copy failed its integrity check ({problems}); the live database may be damaged: keep the station running and call support.</source>
            <translation>备份副本未通过完整性检查（{problems}）；正在使用的数据库可能已损坏：请保持工位运行并联系技术支持。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="151" />
            <source>A PostgreSQL database is backed up with the server's tools, not by the station: run {backup_command} (and {restore_command} to restore, with every station closed).</source>
            <translation>PostgreSQL 数据库由服务器工具备份，而不是由工位备份：请运行 {backup_command}（恢复时在关闭所有工位后运行 {restore_command}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="155" />
            <source>A PostgreSQL database is restored with the server's tools, not by the station: with every station closed, run {restore_command} (a backup made with {backup_command}).</source>
            <translation>PostgreSQL 数据库由服务器工具恢复，而不是由工位恢复：请在关闭所有工位后运行 {restore_command}（使用 {backup_command} 制作的备份）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="159" />
            <source>There is no backup file {path}.</source>
            <translation>备份文件 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="160" />
            <source>{path} is the live database itself, not a backup.</source>
            <translation>{path} 是正在使用的数据库本身，不是备份。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="161" />
            <source>The restore did not happen: {cause}; the database is as it was.</source>
            <translation>未执行恢复：{cause}；数据库保持原样。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="162" />
            <source>{name} cannot be opened: {detail}</source>
            <translation>无法打开 {name}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="163" />
            <source>{name} is damaged ({problems}); choose another backup.</source>
            <translation>{name} 已损坏（{problems}），请选择其他备份。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="164" />
            <source>{name} is not a QC Station backup: it is not a SQLite database ({detail}).</source>
            <translation>{name} 不是 QC Station 备份：它不是 SQLite 数据库（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="167" />
            <source>{name} is not a QC Station database (no {missing} tables).</source>
            <translation>{name} 不是 QC Station 数据库（缺少 {missing} 表）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="168" />
            <source>{name} has no schema version; it is not a complete QC Station database.</source>
            <translation>{name} 没有架构版本，不是完整的 QC Station 数据库。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="171" />
            <source>{name} was made by a newer version of QC Station (schema {revision}); update this station first.</source>
            <translation>{name} 由较新版本的 QC Station 创建（架构 {revision}），请先更新本工位。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="175" />
            <source>The restored database failed its integrity check ({problems}); call support.</source>
            <translation>恢复后的数据库未通过完整性检查（{problems}），请联系技术支持。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="179" />
            <source>{name} is empty.</source>
            <translation>{name} 为空。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="180" />
            <source>{name} is larger than {megabytes} MB.</source>
            <translation>{name} 大于 {megabytes} MB。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="181" />
            <source>{name} is {width}×{height} pixels; at most {megapixels} megapixels.</source>
            <translation>{name} 为 {width}×{height} 像素；最多允许 {megapixels} 百万像素。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="184" />
            <source>{name} is not a readable image (JPEG, PNG or WebP).</source>
            <translation>{name} 不是可读取的图片（JPEG、PNG 或 WebP）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="185" />
            <source>{name} is only {width}×{height} pixels.</source>
            <translation>{name} 只有 {width}×{height} 像素。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="186" />
            <source>{name} could not be encoded as JPEG.</source>
            <translation>无法将 {name} 编码为 JPEG。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="187" />
            <source>Cannot read photo {path}: {detail}</source>
            <translation>无法读取照片 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="188" />
            <source>'{value}' is not a photo name (64 lower-case hex digits).</source>
            <translation>“{value}”不是照片名称（64 位小写十六进制数字）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="189" />
            <source>Photo {sha256} not found.</source>
            <translation>未找到照片 {sha256}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="190" />
            <source>The photo folder {path} is missing: is the shared folder mounted? Ask IT.</source>
            <translation>照片文件夹 {path} 不存在：共享文件夹是否已挂载？请联系 IT。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="193" />
            <source>The photo folder {path} cannot be read ({detail}).</source>
            <translation>无法读取照片文件夹 {path}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="194" />
            <source>The photo folder {path} is not writable ({detail}).</source>
            <translation>照片文件夹 {path} 不可写入（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="196" />
            <source>'{value}' is not a journal entry id.</source>
            <translation>“{value}”不是日志条目编号。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="197" />
            <source>Cannot keep the inspection in the local journal {path}: {detail}. Do not close the station: call IT.</source>
            <translation>无法将检验保存到本地日志 {path}：{detail}。请勿关闭工位：请联系 IT。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="201" />
            <source>Cannot update the local journal {path}: {detail}</source>
            <translation>无法更新本地日志 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="202" />
            <source>Cannot set the refused journal entry {inspection_id} aside: {detail}</source>
            <translation>无法搁置被拒绝的日志条目 {inspection_id}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="206" />
            <source>Database URL '{value}' is not a valid URL (expected sqlite:///PATH or postgresql+psycopg://USER@HOST/DB).</source>
            <translation>数据库 URL“{value}”不是有效的 URL（应为 sqlite:///PATH 或 postgresql+psycopg://USER@HOST/DB）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="210" />
            <source>Unsupported database '{value}': use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB.</source>
            <translation>不支持的数据库“{value}”：请使用 sqlite:///PATH 或 postgresql+psycopg://USER@HOST/DB。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="213" />
            <source>Cannot create the database folder {path}: {detail}</source>
            <translation>无法创建数据库文件夹 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="214" />
            <source>The database file {path} is read-only; the station needs to write to it (check its permissions, or whether the disk is mounted read-only).</source>
            <translation>数据库文件 {path} 为只读；工位需要写入该文件（请检查其权限，或磁盘是否以只读方式挂载）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="218" />
            <source>The database folder {path} is read-only; the station needs to write its database and journal files there (check its permissions, or whether the disk is mounted read-only).</source>
            <translation>数据库文件夹 {path} 为只读；工位需要在其中写入数据库和日志文件（请检查其权限，或磁盘是否以只读方式挂载）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="224" />
            <source>{path} is a symbolic link; the station does not write through links (remove it, or name another file).</source>
            <translation>{path} 是符号链接；工位不会通过链接写入（请删除该链接，或指定其他文件）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="228" />
            <source>Refusing to write '{name}': it would land outside {folder}.</source>
            <translation>拒绝写入“{name}”：它会落在 {folder} 之外。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="230" />
            <source>An image to decode must be a non-empty 8-bit array, not {kind} {shape}.</source>
            <translation>待解码的图像必须是非空的 8 位数组，而不是 {kind} {shape}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="231" />
            <source>An image to decode must have 1, 3 or 4 channels, not {channels}.</source>
            <translation>待解码的图像必须有 1、3 或 4 个通道，而不是 {channels} 个。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="233" />
            <source>The video folder {path} is not writable ({detail}).</source>
            <translation>视频文件夹 {path} 不可写入（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="234" />
            <source>The video folder {path} is missing: is the shared folder mounted?</source>
            <translation>视频文件夹 {path} 不存在：共享文件夹是否已挂载？</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="235" />
            <source>The disk holding {path} is full: the unboxing video was not kept.</source>
            <translation>{path} 所在的磁盘已满：开箱视频未保存。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="236" />
            <source>The unboxing video could not be written in {path} ({detail}).</source>
            <translation>无法在 {path} 中写入开箱视频（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="237" />
            <source>The unboxing video failed: {detail}</source>
            <translation>开箱视频出错：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="238" />
            <source>The camera gave no frames: there is no video.</source>
            <translation>摄像头没有输出画面：没有视频。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="239" />
            <source>This computer's OpenCV cannot write {fourcc} video.</source>
            <translation>本机的 OpenCV 无法写入 {fourcc} 视频。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="240" />
            <source>{name} is not a video OpenCV can read.</source>
            <translation>{name} 不是 OpenCV 可读取的视频。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="241" />
            <source>{name} has no frame that decodes.</source>
            <translation>{name} 没有可解码的画面。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="242" />
            <source>Cannot read video {value}: {detail}</source>
            <translation>无法读取视频 {value}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="243" />
            <source>Video {value} is not a file.</source>
            <translation>视频 {value} 不是文件。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="244" />
            <source>Video {name} is {megabytes} MB; at most {limit} MB is accepted.</source>
            <translation>视频 {name} 为 {megabytes} MB；最多接受 {limit} MB。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="245" />
            <source>{value} cannot be used as the unboxing video: {cause}</source>
            <translation>{value} 不能用作开箱视频：{cause}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="246" />
            <source>'{value}' is not a clip name (64 lower-case hex digits).</source>
            <translation>“{value}”不是视频名称（64 位小写十六进制数字）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="247" />
            <source>Video {sha256} not found.</source>
            <translation>未找到视频 {sha256}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="248" />
            <source>Video {sha256} cannot be read ({detail}).</source>
            <translation>无法读取视频 {sha256}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="250" />
            <source>The config file {path} is not valid TOML: {detail}</source>
            <translation>配置文件 {path} 不是有效的 TOML：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="251" />
            <source>The config file {path} does not exist.</source>
            <translation>配置文件 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="252" />
            <source>Config file {path}: unknown setting '{key}'.</source>
            <translation>配置文件 {path}：未知设置项“{key}”。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="253" />
            <source>Unknown setting '{key}'.</source>
            <translation>未知设置项“{key}”。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="254" />
            <source>Setting '{key}': only single values can be saved.</source>
            <translation>设置项“{key}”：只能保存单个值。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="255" />
            <source>Config file {path}: setting '{key}': {detail}</source>
            <translation>配置文件 {path}：设置项“{key}”：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="256" />
            <source>Environment ({variable}): setting '{key}': {detail}</source>
            <translation>环境变量（{variable}）：设置项“{key}”：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="257" />
            <source>Command line: setting '{key}': {detail}</source>
            <translation>命令行：设置项“{key}”：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="258" />
            <source>Cannot read the config file {path}: {detail}</source>
            <translation>无法读取配置文件 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="259" />
            <source>The config file {path} would not be valid TOML: {detail}</source>
            <translation>配置文件 {path} 将不是有效的 TOML：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="260" />
            <source>Config file {path}: a setting is defined twice; fix it by hand.</source>
            <translation>配置文件 {path}：有设置项被定义了两次，请手动修正。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="262" />
            <source>The password of {user} was reset: choose a new one first with `qc-station users passwd` (the current password from QC_STATION_PASSWORD, the new one from QC_STATION_NEW_PASSWORD or a prompt).</source>
            <translation>{user} 的密码已被重置：请先用 `qc-station users passwd` 设置新密码（当前密码取自 QC_STATION_PASSWORD，新密码取自 QC_STATION_NEW_PASSWORD 或提示输入）。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="267" />
            <source>{variable} is not set and there is no terminal to ask in: set {variable}.</source>
            <translation>未设置 {variable}，且没有可用于询问的终端：请设置 {variable}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="268" />
            <source>The two passwords differ; nothing was changed.</source>
            <translation>两次输入的密码不一致，未作任何更改。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="269" />
            <source>This command needs a user: --user NAME or QC_STATION_USER.</source>
            <translation>此命令需要指定用户：--user NAME 或 QC_STATION_USER。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="270" />
            <source>Cannot read {path}: {detail}</source>
            <translation>无法读取 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="271" />
            <source>Cannot write {path}: {detail}</source>
            <translation>无法写入 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="272" />
            <source>--dpi {value} is not a printer resolution between {low} and {high}.</source>
            <translation>--dpi {value} 不是 {low} 到 {high} 之间的打印机分辨率。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="273" />
            <source>Cannot write {path}: the folder {folder} does not exist.</source>
            <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="274" />
            <source>Cannot write {path}: it is a folder.</source>
            <translation>无法写入 {path}：它是一个文件夹。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="275" />
            <source>Cannot write into {path}: it is not an existing folder.</source>
            <translation>无法写入 {path}：它不是已存在的文件夹。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="276" />
            <source>Restore replaces the whole database; add --yes to confirm when not in a terminal.</source>
            <translation>恢复会替换整个数据库；不在终端中运行时，请加上 --yes 以确认。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="279" />
            <source>This station has no video store.</source>
            <translation>本工位没有视频存储。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="280" />
            <source>--override needs --reason TEXT.</source>
            <translation>--override 需要 --reason TEXT。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="281" />
            <source>--reason must say why the unit is reopened.</source>
            <translation>--reason 必须说明重新打开该单件的原因。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="282" />
            <source>--denied takes no AMOUNT.</source>
            <translation>--denied 不能带 AMOUNT。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="283" />
            <source>Give the AMOUNT received, or --denied.</source>
            <translation>请给出收到的 AMOUNT，或使用 --denied。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="284" />
            <source>Unknown command '{command}'.</source>
            <translation>未知命令“{command}”。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="285" />
            <source>--limit must be at least {low}.</source>
            <translation>--limit 必须至少为 {low}。</translation>
        </message>
        <message>
            <location filename="../../qc_station/domain/messages/station.py" line="286" />
            <source>The demo loads only into an empty database; this one has {users} user(s) and {rmas} RMA(s). Give the demo a database of its own (--db URL).</source>
            <translation>演示数据只能载入空数据库；此数据库已有 {users} 个用户和 {rmas} 个退货单。请为演示使用单独的数据库（--db URL）。</translation>
        </message>
        <message>
            <source>Account {username} is locked after too many failed attempts; try again later or ask an admin.</source>
            <translation type="vanished">账号 {username} 因多次登录失败已被锁定；请稍后再试或联系管理员。</translation>
        </message>
        <message>
            <source>Your role ({role}) may not do this; ask a supervisor.</source>
            <translation type="vanished">你的角色（{role}）无权进行此操作，请联系主管。</translation>
        </message>
    </context>
    <context>
        <name>PolicyPresenter</name>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="116" />
            <source>Choose a valid policy file first.</source>
            <translation>请先选择一个有效的政策文件。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="119" />
            <source>Say why the policy changes: a note is required.</source>
            <translation>请说明修改政策的原因：备注为必填。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="146" />
            <source>This policy file is not valid; nothing was changed.</source>
            <translation>该政策文件无效；未做任何更改。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/policy_presenter.py" line="155" />
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
            <location filename="../../ui/printing/print_center.py" line="148" />
            <source>Label {code}</source>
            <translation>标签 {code}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/print_center.py" line="155" />
            <source>Report {code}</source>
            <translation>报告 {code}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/print_center.py" line="238" />
            <source>{title} was not printed and waits in the print queue: {error}</source>
            <translation>{title} 未打印，已留在打印队列中：{error}</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="62" />
            <source>Print preview — {title}</source>
            <extracomment>The dialog's size where the screen has room for it. Pixels kept free around the dialog for its title bar and frame. The zoom steps of Zoom in / Zoom out, as a factor of the rendered page (110 dpi).</extracomment>
            <translation>打印预览 — {title}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="75" />
            <source>Rendering…</source>
            <extracomment>The rendered pages at ``PREVIEW_DPI``; what is shown is scaled from them. The zoom chosen with the buttons; None fits the pages to the dialog's width.</extracomment>
            <translation>正在生成…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="89" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="92" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="130" />
            <source>Zoom out (−)</source>
            <translation>缩小（−）</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="132" />
            <source>Fit width (0)</source>
            <translation>适合宽度（0）</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="134" />
            <source>Zoom in (+)</source>
            <translation>放大（+）</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="232" />
            <source>{count} page(s)</source>
            <translation>共 {count} 页</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="235" />
            <source>The preview cannot be shown: {error}</source>
            <translation>无法显示预览：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="250" />
            <source>Not saved: {error}</source>
            <translation>未保存：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="253" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="257" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location filename="../../ui/printing/preview_dialog.py" line="257" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>PrintQueuePage</name>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="42" />
            <location filename="../../ui/printing/queue_page.py" line="252" />
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
            <location filename="../../ui/printing/queue_page.py" line="197" />
            <source>Label {code}</source>
            <translation>标签 {code}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="210" />
            <source>Report {code}</source>
            <translation>报告 {code}</translation>
        </message>
        <message>
            <location filename="../../ui/printing/queue_page.py" line="218" />
            <source>No label has been printed at this station yet.</source>
            <translation>本工作站尚未打印过标签。</translation>
        </message>
    </context>
    <context>
        <name>PrintersPresenter</name>
        <message>
            <location filename="../../ui/presenters/printers_presenter.py" line="111" />
            <source>Unknown setting: {key}</source>
            <extracomment>The settings this tab edits, in the order shown.</extracomment>
            <translation>未知设置：{key}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/printers_presenter.py" line="136" />
            <source>Saved in {file}; this station prints with these settings now.</source>
            <translation>已保存到 {file}；本工作站现在按这些设置打印。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/printers_presenter.py" line="144" />
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
            <location filename="../../ui/pages/admin/printers_tab.py" line="57" />
            <source>Letter</source>
            <translation>Letter（美国信纸）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="62" />
            <source>Label printer</source>
            <translation>标签打印机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="63" />
            <source>Label size</source>
            <translation>标签尺寸</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="64" />
            <source>Label printer resolution</source>
            <translation>标签打印机分辨率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="65" />
            <source>Document printer</source>
            <translation>文档打印机</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="66" />
            <source>Report page size</source>
            <translation>报告纸张尺寸</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="67" />
            <source>Documents language</source>
            <translation>文档语言</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="80" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="138" />
            <source>Saved in {file}. {count} printer(s) found on this computer.</source>
            <translation>已保存到 {file}。本机找到 {count} 台打印机。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/printers_tab.py" line="145" />
            <source>Set by an environment variable, which wins over the file: {keys}</source>
            <translation>以下设置由环境变量指定，优先于配置文件：{keys}</translation>
        </message>
    </context>
    <context>
        <name>RecordingStatus</name>
        <message>
            <location filename="../../ui/pages/recording_status.py" line="26" />
            <source>● REC {time}</source>
            <extracomment>The width of the status, in pixels.</extracomment>
            <translation>● 录像 {time}</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="62" />
            <source>Vendor return</source>
            <extracomment>The item data role holding a case's id (cases table) or a unit's LPN (units table). A unit of the selected case, and whether that case is a carrier claim (its tracking shows).</extracomment>
            <translation>退供应商</translation>
        </message>
        <message>
            <location filename="../../ui/pages/recovery_page.py" line="62" />
            <source>Carrier claim</source>
            <translation>承运商索赔</translation>
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
            <location filename="../../ui/widgets/rma_panel.py" line="29" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="30" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="31" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="32" />
            <source>Stated reason</source>
            <translation>客户退货原因</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="33" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="34" />
            <source>Since delivery</source>
            <translation>签收至今</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="35" />
            <source>Window</source>
            <translation>退货期限</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="36" />
            <source>Units</source>
            <translation>商品件</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="63" />
            <source>wants an exchange</source>
            <translation>要求换货</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="65" />
            <source>wants a refund</source>
            <translation>要求退款</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="70" />
            <source>delivery date unknown</source>
            <translation>签收日期未知</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="72" />
            <source>{days} days</source>
            <translation>{days} 天</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="74" />
            <source>(estimated from the order date)</source>
            <translation>（按下单日期估算）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="81" />
            <source>({days} of {limit} days)</source>
            <translation>（第 {days} 天，共 {limit} 天）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/rma_panel.py" line="100" />
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
            <location filename="../../ui/pages/scan_page.py" line="48" />
            <source>Scan the RMA barcode or the unit label</source>
            <translation>扫描退货授权条码或商品件标签</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="56" />
            <source>Scan or type a code, then Enter</source>
            <translation>扫码或输入条码，然后按回车</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="59" />
            <source>Camera (F4)</source>
            <translation>摄像头（F4）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="72" />
            <source>Create an unexpected return (F8)</source>
            <translation>创建无单退货（F8）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="136" />
            <source>Starting the camera…</source>
            <translation>正在打开摄像头…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="176" />
            <source>No camera.</source>
            <translation>没有摄像头。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="193" />
            <source>Looking up {code}…</source>
            <translation>正在查找 {code}…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/scan_page.py" line="209" />
            <source>No picture</source>
            <translation>无画面</translation>
        </message>
    </context>
    <context>
        <name>ScanPresenter</name>
        <message>
            <location filename="../../ui/presenters/scan_presenter.py" line="106" />
            <source>Scan an RMA barcode or a unit label.</source>
            <extracomment>The last scan found nothing: the page offers "Create an unexpected return (F8)". Why the camera shows no picture (inline, under the preview); "" when it is fine. The station's day so far (None until read, and after a sign-out).</extracomment>
            <translation>请扫描退货授权条码或商品件标签。</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/scan_presenter.py" line="198" />
            <source>Printing the label of {lpn} again…</source>
            <translation>正在再次打印 {lpn} 的标签…</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/scan_presenter.py" line="219" />
            <source>This RMA has no units to inspect.</source>
            <translation>该退货授权没有需要质检的商品件。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="51" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="67" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="69" />
            <source>A new language takes effect when the station is restarted.</source>
            <translation>新的语言在工作站重启后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="80" />
            <source>Volume</source>
            <translation>音量</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="81" />
            <source>Mute the success and error sounds</source>
            <translation>关闭成功和错误提示音</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="93" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="94" />
            <source>Record unboxing video</source>
            <translation>录制开箱视频</translation>
        </message>
        <message>
            <source>0 = the first webcam, 1 = the second…</source>
            <translation type="vanished">0 = 第一个摄像头，1 = 第二个…</translation>
        </message>
    </context>
    <context>
        <name>ShiftPanel</name>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="52" />
            <source>LPN</source>
            <translation>件号(LPN)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="54" />
            <source>Decision</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="56" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="42" />
            <source>{headline} · {resolution}</source>
            <extracomment>The waiting decisions' status, in the colour of the approval notes elsewhere.</extracomment>
            <translation>{headline} · {resolution}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="51" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="53" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="61" />
            <source>Inspector</source>
            <translation>质检员</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="84" />
            <source>Last decisions at this station</source>
            <translation>本工位最近的处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="91" />
            <source>↑/↓ choose a decision</source>
            <translation>↑/↓ 选择一条处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="95" />
            <source>Reprint label (Ctrl+P)</source>
            <translation>重新打印标签（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="114" />
            <source>No decisions at this station today yet.</source>
            <translation>本工位今天还没有处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="137" />
            <source>Units decided today — you: {mine} · station {station}: {total}</source>
            <translation>今日已处理件数 — 您：{mine} · 工位 {station}：{total}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/shift_panel.py" line="184" />
            <source>Print the label of {lpn} again</source>
            <translation>再次打印 {lpn} 的标签</translation>
        </message>
    </context>
    <context>
        <name>ShowAllTable</name>
        <message>
            <location filename="../../ui/widgets/show_all_table.py" line="52" />
            <source>Show all {count} rows</source>
            <extracomment>Rows shown before "Show all".</extracomment>
            <translation>显示全部 {count} 行</translation>
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
        <name>UnboxingVideo</name>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="249" />
            <source>the camera is off</source>
            <extracomment>counts the times the presenter filled the text fields (a sent-back unit's last entry) the database was unreachable: the inspection is kept on this station (outbox.Journalled) the unboxing video started recording: the page runs the camera
----------
the status changed (the presenter renders it) a recording started: the camera should run</extracomment>
            <translation>摄像头已关闭</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="78" />
            <source>the disk is full</source>
            <extracomment>The station's clips measured 18.5 MB a minute (docs/benchmarks.md, "Unboxing video"). A day of recording: one shift of eight hours. How long the I/O lane waits for a clip to be stored (a 10-minute clip over a slow share).</extracomment>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="80" />
            <source>the video folder cannot be written</source>
            <translation>无法写入视频文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="82" />
            <source>this computer cannot encode video</source>
            <translation>本机无法编码视频</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="84" />
            <source>the camera gave no picture</source>
            <translation>摄像头没有画面</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="86" />
            <source>the video file could not be written</source>
            <translation>无法写入视频文件</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="87" />
            <source>the recorder failed</source>
            <translation>录像出错</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="91" />
            <source>Not recording: {why}</source>
            <translation>未在录像：{why}</translation>
        </message>
        <message>
            <location filename="../../ui/presenters/unboxing_video.py" line="263" />
            <source>Low disk space for video: {gb} GB free, less than a day of recording.</source>
            <translation>视频磁盘空间不足：剩余 {gb} GB，不够录一天。</translation>
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
            <location filename="../../ui/presenters/unexpected_return_presenter.py" line="173" />
            <source>Enter the SKU printed on the item.</source>
            <translation>请输入商品上印的 SKU。</translation>
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
            <location filename="../../ui/pages/admin/users_tab.py" line="55" />
            <source>{badge} + PIN</source>
            <translation>{badge} + PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="67" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="68" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="69" />
            <location filename="../../ui/pages/admin/users_tab.py" line="110" />
            <location filename="../../ui/pages/admin/users_tab.py" line="134" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="71" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="72" />
            <source>active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="72" />
            <source>deactivated</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="74" />
            <location filename="../../ui/pages/admin/users_tab.py" line="113" />
            <location filename="../../ui/pages/admin/users_tab.py" line="151" />
            <source>Badge</source>
            <translation>工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="76" />
            <source>Locked until</source>
            <translation>锁定至</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="99" />
            <source>Add a user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="101" />
            <source>e.g. li.wei</source>
            <translation>例如 li.wei</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="106" />
            <source>optional: scan the badge</source>
            <translation>可选：扫描工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="107" />
            <location filename="../../ui/pages/admin/users_tab.py" line="143" />
            <source>4 to 8 digits</source>
            <translation>4 到 8 位数字</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="108" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="109" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="111" />
            <source>Initial password</source>
            <translation>初始密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="112" />
            <location filename="../../ui/pages/admin/users_tab.py" line="140" />
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="114" />
            <location filename="../../ui/pages/admin/users_tab.py" line="152" />
            <source>PIN</source>
            <translation>PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="115" />
            <source>Add user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="122" />
            <source>Selected user</source>
            <translation>所选用户</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="130" />
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="137" />
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="139" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="142" />
            <source>scan the badge</source>
            <translation>扫描工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="145" />
            <source>Set badge and PIN</source>
            <translation>设置工牌和 PIN 码</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="147" />
            <source>Remove badge</source>
            <translation>移除工牌</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="246" />
            <source>Select a user in the list.</source>
            <translation>请在列表中选择一个用户。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="247" />
            <location filename="../../ui/pages/admin/users_tab.py" line="257" />
            <source>Deactivate</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/admin/users_tab.py" line="257" />
            <source>Reactivate</source>
            <translation>重新启用</translation>
        </message>
    </context>
    <context>
        <name>VideoPlayerWidget</name>
        <message>
            <location filename="../../ui/widgets/video_player.py" line="87" />
            <location filename="../../ui/widgets/video_player.py" line="213" />
            <source>Play (Space)</source>
            <extracomment>How far ← and → move in the clip. The Qt log rules for QtMultimedia: no reports of optional libraries that are not there, none of a file that cannot be opened (the player reports that through ``errorOccurred``, which the widget logs and says in words; closing the player while it opens is one too), nothing below a warning from the rest.</extracomment>
            <translation>播放（空格）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/video_player.py" line="125" />
            <source>Recorded {start} · {length} · SHA-256 {sha}</source>
            <translation>录制于 {start} · {length} · SHA-256 {sha}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/video_player.py" line="133" />
            <source>The clip was pruned on {date}: it was past its retention.</source>
            <translation>该视频已于 {date} 清理：已超过保留期。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/video_player.py" line="138" />
            <source>The clip file is missing from the video folder.</source>
            <translation>视频文件夹中缺少该视频文件。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/video_player.py" line="213" />
            <source>Pause (Space)</source>
            <translation>暂停（空格）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/video_player.py" line="222" />
            <source>This station cannot play the clip ({problem}). The file is kept; the evidence pack carries it.</source>
            <translation>本工位无法播放该视频（{problem}）。文件仍保留，证据包中包含该视频。</translation>
        </message>
    </context>
    <context>
        <name>Workspaces</name>
        <message>
            <location filename="../../ui/workspaces.py" line="130" />
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="138" />
            <source>Deadlines &amp;&amp; disputes</source>
            <translation>时限与争议</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="147" />
            <source>Unit history</source>
            <translation>单件履历</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="155" />
            <source>Dashboard</source>
            <translation>看板</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="163" />
            <source>Finance</source>
            <translation>财务</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="171" />
            <source>Recovery</source>
            <translation>追偿</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="178" />
            <source>Administration</source>
            <translation>系统管理</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="185" />
            <source>Stations</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="193" />
            <source>Print queue</source>
            <translation>打印队列</translation>
        </message>
    </context>
</TS>
