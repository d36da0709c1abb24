#!/usr/bin/env bash
# Regenerates the prompts the shipped IVR menu (CallCenter/Ivr/default-ivr.json) names beyond Media's default
# prompts, the same way as Media/Prompts/generate-prompts.sh: espeak-ng, then sox to 8 kHz mono PCM16.
# Usage: telephony/RealEstateCrm.Telephony/CallCenter/Runtime/Prompts/generate-ivr-prompts.sh   (needs espeak-ng and sox)
set -euo pipefail
cd "$(dirname "$0")"

say() { # language voice name text
  mkdir -p "$1"
  espeak-ng -v "$2" -s 160 -w "$1/$3.raw.wav" "$4"
  sox "$1/$3.raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$1/$3.wav" norm -3
  rm "$1/$3.raw.wav"
}

zh=(
  "recording-notice|为了服务质量，您的通话可能被录音。"
  "main-menu|项目介绍请按1，付款指引请按2，交房安排请按3，查询工单请按4，投诉留言请按5，人工服务请按0。"
  "project-intro|本项目位于城市新区，配套学校、商业和公园。"
  "your-work-orders|您的工单如下。"
  "no-open-work-orders|您目前没有未完成的工单。"
  "back-or-agent|返回主菜单请按9，人工服务请按0，结束请按井号键。"
  "leave-complaint-after-tone|请在提示音后说明您的投诉，按井号键结束。"
  "complaint-recorded|您的投诉已记录，我们会尽快处理。"
  "transferring|正在为您转接人工服务，请稍候。"
)
en=(
  "recording-notice|This call may be recorded for quality."
  "main-menu|Project introduction 1, payment guide 2, handover schedule 3, your work orders 4, complaint 5, agent 0."
  "project-intro|The project lies in the new city district, with schools, shops and a park nearby."
  "your-work-orders|Your open work orders are as follows."
  "no-open-work-orders|You have no open work orders."
  "back-or-agent|Main menu 9, agent 0, or pound to end the call."
  "leave-complaint-after-tone|Please describe your complaint after the tone, and press pound when done."
  "complaint-recorded|Your complaint is recorded. We will handle it soon."
  "transferring|Transferring you to an agent, please wait."
)

for entry in "${zh[@]}"; do say zh cmn "${entry%%|*}" "${entry#*|}"; done
for entry in "${en[@]}"; do say en en "${entry%%|*}" "${entry#*|}"; done
