#!/usr/bin/env bash
# Regenerates the default prompts: espeak-ng (Mandarin "cmn" and English "en") resampled by sox to
# 8 kHz mono PCM16, the format the RTP path plays without resampling.
# Usage: telephony/RealEstateCrm.Telephony/Media/Prompts/generate-prompts.sh   (needs espeak-ng and sox)
set -euo pipefail
cd "$(dirname "$0")"

say() { # language voice name text
  mkdir -p "$1"
  espeak-ng -v "$2" -s 150 -w "$1/$3.raw.wav" "$4"
  sox "$1/$3.raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$1/$3.wav" norm -3
  rm "$1/$3.raw.wav"
}

zh=(
  "welcome|您好，欢迎致电客户服务中心。"
  "menu|项目介绍请按1，付款指引请按2，交房安排请按3，查询工单进度请按4，投诉留言请按5，人工服务请按0。"
  "project-introduction|本项目位于城市新区，配套学校、商业和公园，欢迎到售楼处参观。"
  "payment-guide|首付款可通过银行转账或刷卡支付，按揭请携带身份证和收入证明到售楼处办理。"
  "handover-schedule|交房将按楼栋分批进行，具体时间将以短信通知，请留意。"
  "work-order-status|您的工单编号是"
  "work-order-in-progress|正在处理中。"
  "leave-message|请在提示音后留言，按井号键结束。"
  "all-agents-busy|座席全忙，请稍候。"
  "please-hold|请不要挂机。"
  "goodbye|感谢您的来电，再见。"
  "invalid-choice|输入有误，请重新选择。"
  "digit-0|零" "digit-1|一" "digit-2|二" "digit-3|三" "digit-4|四"
  "digit-5|五" "digit-6|六" "digit-7|七" "digit-8|八" "digit-9|九"
)
en=(
  "welcome|Hello, and welcome to the customer service center."
  "menu|For the project introduction press 1, payment guide 2, handover schedule 3, your work order status 4, to leave a complaint 5, or 0 for an agent."
  "project-introduction|The project lies in the new city district, with schools, shops and a park nearby. You are welcome to visit our sales office."
  "payment-guide|Down payments can be made by bank transfer or card. For a mortgage, bring your ID card and proof of income to the sales office."
  "handover-schedule|Handover proceeds building by building. We will send you the date by text message."
  "work-order-status|Your work order number is"
  "work-order-in-progress|It is in progress."
  "leave-message|Please leave a message after the tone, and press the pound key when done."
  "all-agents-busy|All agents are busy. Please wait."
  "please-hold|Please hold."
  "goodbye|Thank you for calling. Goodbye."
  "invalid-choice|Invalid choice. Please try again."
  "digit-0|zero" "digit-1|one" "digit-2|two" "digit-3|three" "digit-4|four"
  "digit-5|five" "digit-6|six" "digit-7|seven" "digit-8|eight" "digit-9|nine"
)
for entry in "${zh[@]}"; do say zh cmn "${entry%%|*}" "${entry#*|}"; done
for entry in "${en[@]}"; do say en en "${entry%%|*}" "${entry#*|}"; done
