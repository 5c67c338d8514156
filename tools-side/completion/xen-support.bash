# xen-support.bash: bash completion for xen-support and xen-support-gen
# (installed as both names under bash-completion's completions folder).
# Feature names for show and check come from the same source the command
# line names (--document, --table, or the running hypervisor), through
# `xen-support list --parseable`.

_xen_support_features()
{
    local src=() i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --document | --table) src+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}") ;;
        esac
    done
    xen-support "${src[@]}" list --parseable --arch all 2>/dev/null |
        cut -f2 | sort -u
}

_xen_support()
{
    local cur prev cmd="" i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --document | --table) ((i++)) ;;
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    case $prev in
    --document | --table | -o | --output)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    --arch)
        COMPREPLY=($(compgen -W "x86 arm all" -- "$cur"))
        return
        ;;
    --level)
        COMPREPLY=($(compgen -W "supported tech-preview experimental deprecated other" -- "$cur"))
        return
        ;;
    --require)
        COMPREPLY=($(compgen -W "supported security-supported" -- "$cur"))
        return
        ;;
    esac
    local common="--document --table --hypfs --strict --warnings --descriptions --help"
    case $cmd in
    "")
        COMPREPLY=($(compgen -W "info list show check dump diff status audit load $common --json --version" -- "$cur"))
        ;;
    info) COMPREPLY=($(compgen -W "$common --json" -- "$cur")) ;;
    list) COMPREPLY=($(compgen -W "$common --json --arch --level --section --parseable" -- "$cur")) ;;
    dump) COMPREPLY=($(compgen -W "$common -o --output" -- "$cur")) ;;
    diff)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$common --json --exit-code" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    status) COMPREPLY=($(compgen -W "--prometheus -o --output --help" -- "$cur")) ;;
    audit)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$common --json --arch" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    load)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--no-verify --help" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    show | check)
        if [[ $cur == -* ]]; then
            local opts="$common --json"
            [ "$cmd" = check ] && opts+=" --arch --require -q --quiet"
            COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        else
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(_xen_support_features)" -- "$cur"))
        fi
        ;;
    esac
}

_xen_support_gen()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    case $prev in
    -o | --output | --c-source | --header | --json)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-o --output --c-source --header --json --with-descriptions --strict --quiet --help --version" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
    fi
}

complete -F _xen_support xen-support
complete -F _xen_support_gen xen-support-gen
