//! The README's Slurm recipe on a real single-node Slurm (issue 18): `scripts/slurm/sweep.sh`
//! as an array job, one task cancelled while it solves, that index run again, and
//! `scripts/slurm/merge.sh` after each with `--dependency=afterany`; the merged results equal
//! one unsharded run byte for byte, and the rerun solved only what the cancelled task had
//! not recorded.
//!
//! The test starts its own cluster on localhost (munged with its own key, slurmctld, slurmd,
//! state and logs in a temporary folder, free ports) and stops every daemon it started by
//! its process id, also when it fails. Without Slurm (`slurmctld`, `slurmd`, `sbatch`,
//! `munged`) on the machine, or not as root, it says it is skipped and passes; `.ci/run`
//! installs Debian's packages and sets `NT2PLAN_REQUIRE_SLURM=1`, which turns a skip into a
//! failure.

use crate::support::{demo, root, tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TOOLS: [&str; 7] = [
    "munged",
    "slurmctld",
    "slurmd",
    "sbatch",
    "squeue",
    "scancel",
    "sinfo",
];

fn find(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/bin", "/sbin"].map(PathBuf::from))
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
}

/// The tools, or why the test cannot run.
fn tools() -> Result<BTreeMap<&'static str, PathBuf>, String> {
    let mut found = BTreeMap::new();
    for t in TOOLS {
        found.insert(t, find(t).ok_or_else(|| format!("{t} is not installed"))?);
    }
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .map_err(|e| e.to_string())?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Err("slurmd runs jobs only as root".into());
    }
    Ok(found)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A single-node cluster; dropping it cancels its jobs and stops its daemons.
struct Cluster {
    dir: tempfile::TempDir,
    tools: BTreeMap<&'static str, PathBuf>,
    daemons: Vec<Child>,
}

impl Cluster {
    fn start(tools: BTreeMap<&'static str, PathBuf>) -> Cluster {
        let dir = tempfile::tempdir().expect("temp dir");
        // munged wants every folder above its socket open to all.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        let mut cluster = Cluster {
            dir,
            tools,
            daemons: Vec::new(),
        };
        let d = cluster.dir.path().to_path_buf();
        // A key of this cluster's own, from the kernel's random source.
        let mut key = vec![0u8; 1024];
        std::io::Read::read_exact(
            &mut std::fs::File::open("/dev/urandom").expect("/dev/urandom"),
            &mut key,
        )
        .expect("random bytes");
        std::fs::write(d.join("munge.key"), key).expect("key");
        std::fs::set_permissions(d.join("munge.key"), std::fs::Permissions::from_mode(0o400))
            .expect("chmod");
        let socket = d.join("munge.socket");
        cluster.spawn("munged", |c| {
            c.arg("-F")
                .arg(format!("--key-file={}", d.join("munge.key").display()))
                .arg(format!("--socket={}", socket.display()))
                .arg(format!("--pid-file={}", d.join("munged.pid").display()))
                .arg(format!("--log-file={}", d.join("munged.log").display()))
                .arg(format!("--seed-file={}", d.join("munged.seed").display()));
        });
        wait_for("munged's socket", Duration::from_secs(20), || {
            socket.exists()
        });
        for sub in ["state", "spool"] {
            std::fs::create_dir_all(d.join(sub)).expect("mkdir");
        }
        let conf = format!(
            "ClusterName=nt2plantest\nSlurmctldHost=localhost\nSlurmctldPort={}\nSlurmdPort={}\n\
             SlurmUser=root\nSlurmdUser=root\nAuthType=auth/munge\nCredType=cred/munge\n\
             AuthInfo=socket={sock}\nStateSaveLocation={d}/state\nSlurmdSpoolDir={d}/spool\n\
             SlurmctldPidFile={d}/slurmctld.pid\nSlurmdPidFile={d}/slurmd.pid\n\
             SlurmctldLogFile={d}/slurmctld.log\nSlurmdLogFile={d}/slurmd.log\n\
             ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\n\
             SelectType=select/cons_tres\nSelectTypeParameters=CR_CPU\nSchedulerType=sched/builtin\n\
             JobAcctGatherType=jobacct_gather/none\nAccountingStorageType=accounting_storage/none\n\
             MpiDefault=none\nReturnToService=2\nSlurmdParameters=config_overrides\nKillWait=5\n\
             MinJobAge=600\n\
             NodeName=localhost NodeHostname=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN\n\
             PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP\n",
            free_port(),
            free_port(),
            sock = socket.display(),
            d = d.display(),
        );
        std::fs::write(d.join("slurm.conf"), conf).expect("slurm.conf");
        cluster.spawn("slurmctld", |c| {
            c.arg("-D");
        });
        cluster.spawn("slurmd", |c| {
            c.args(["-D", "-N", "localhost"]);
        });
        // sinfo fails until slurmctld answers.
        wait_for("the node to be idle", Duration::from_secs(60), || {
            cluster
                .try_run_in(cluster.dir.path(), "sinfo", &["-h", "-o", "%T"])
                .is_ok_and(|s| s.trim() == "idle")
        });
        cluster
    }

    fn conf(&self) -> PathBuf {
        self.dir.path().join("slurm.conf")
    }

    fn spawn(&mut self, tool: &str, args: impl FnOnce(&mut Command)) {
        let log = std::fs::File::create(self.dir.path().join(format!("{tool}.out"))).expect("log");
        let mut c = Command::new(&self.tools[tool]);
        c.env("SLURM_CONF", self.conf())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log);
        if tool != "munged" {
            c.arg("-f").arg(self.conf());
        }
        args(&mut c);
        self.daemons.push(c.spawn().expect("the daemon starts"));
    }

    /// Runs a Slurm command in `cwd`: its stdout, or its stderr as the error.
    fn try_run_in(&self, cwd: &Path, tool: &str, args: &[&str]) -> Result<String, String> {
        let o = Command::new(&self.tools[tool])
            .env("SLURM_CONF", self.conf())
            .current_dir(cwd)
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        if o.status.success() {
            Ok(String::from_utf8_lossy(&o.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&o.stderr).into_owned())
        }
    }

    /// Runs a Slurm command in `cwd` that must succeed; its stdout.
    fn run_in(&self, cwd: &Path, tool: &str, args: &[&str]) -> String {
        self.try_run_in(cwd, tool, args)
            .unwrap_or_else(|e| panic!("{tool} {args:?}: {e}"))
    }

    fn run(&self, tool: &str, args: &[&str]) -> String {
        self.run_in(self.dir.path(), tool, args)
    }

    /// Whether job `id` (all of an array) has left the queue.
    fn ended(&self, id: &str) -> bool {
        !self
            .run("squeue", &["-h", "-o", "%i"])
            .lines()
            .any(|l| l.trim() == id || l.trim().starts_with(&format!("{id}_")))
    }

    fn wait_ended(&self, id: &str) {
        wait_for(
            &format!("job {id} to end"),
            Duration::from_secs(120),
            || self.ended(id),
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // Cancel what still runs, so that no task outlives the cluster, then stop the
        // daemons this test started, by their process ids.
        if let Some(scancel) = self.tools.get("scancel") {
            let _ = Command::new(scancel)
                .env("SLURM_CONF", self.conf())
                .arg("--user=root")
                .output();
            std::thread::sleep(Duration::from_millis(500));
        }
        for d in self.daemons.iter_mut().rev() {
            let _ = d.kill();
            let _ = d.wait();
        }
    }
}

/// The sweep of the test: fast then slow scenarios, so that each shard records its first
/// job within a second and then solves for seconds (the window to cancel it in). microlp
/// also where HiGHS is compiled in: HiGHS would leave no such window.
const SWEEP: &str = r#"solver = "microlp"
seeds = [1]
[[axis]]
name = "weg"
[[axis.variant]]
label = "3 weg"
remove_certified_count = 3
[[axis.variant]]
label = "2 weg"
remove_certified_count = 2
[[axis.variant]]
label = "1 weg"
remove_certified_count = 1
[[axis.variant]]
label = "0 weg"
remove_certified_count = 0
"#;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(dir);
    files.remove("timings.csv");
    files
}

#[test]
fn the_readmes_slurm_array_job_survives_a_cancelled_task_and_merges_byte_identical() {
    let tools = match tools() {
        Ok(t) => t,
        Err(why) => {
            assert!(
                std::env::var("NT2PLAN_REQUIRE_SLURM").as_deref() != Ok("1"),
                "NT2PLAN_REQUIRE_SLURM=1 but {why}"
            );
            eprintln!("skipped: {why} (NT2PLAN_REQUIRE_SLURM=1 makes this a failure)");
            return;
        }
    };
    let cluster = Cluster::start(tools);
    let work = cluster.dir.path().join("work");
    std::fs::create_dir_all(&work).expect("mkdir");
    let demo = demo().display().to_string();
    std::fs::write(
        work.join("short.toml"),
        format!("instance = \"{demo}\"\n{SWEEP}"),
    )
    .expect("write");
    let bin = env!("CARGO_BIN_EXE_nt2plan");
    let whole = work.join("whole");
    let reference = Command::new(bin)
        .args(["sweep", "short.toml", "--jobs", "1", "-o"])
        .arg(&whole)
        .current_dir(&work)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the unsharded run starts");

    let scripts = root().join("scripts/slurm");
    let (sweep_sh, merge_sh) = (
        scripts.join("sweep.sh").display().to_string(),
        scripts.join("merge.sh").display().to_string(),
    );
    let chdir = format!("--chdir={}", work.display());
    let export = format!("--export=ALL,N=2,SWEEP=short.toml,NT2PLAN={bin}");
    let submit = |extra: &[&str], script: &str| {
        let mut args = vec!["--parsable", chdir.as_str(), export.as_str()];
        args.extend_from_slice(extra);
        args.push(script);
        let id = cluster.run_in(&work, "sbatch", &args);
        id.trim().split(';').next().unwrap_or_default().to_string()
    };
    // The README's commands, with two shards of one CPU each on this two-CPU node.
    let a = submit(&["--array=1-2", "--cpus-per-task=1"], &sweep_sh);
    let first_merge = submit(&[&format!("--dependency=afterany:{a}")], &merge_sh);

    let parts = work.join("parts/short");
    let records = parts.join("part-002-of-002.records");
    wait_for("shard 2's first record", Duration::from_secs(60), || {
        records.join("job-000001.json").is_file()
    });
    assert!(
        !parts.join("part-002-of-002.json").exists(),
        "shard 2 is still solving its second job"
    );
    cluster.run("scancel", &[&format!("{a}_2")]);
    cluster.wait_ended(&a);
    cluster.wait_ended(&first_merge);
    assert!(parts.join("part-001-of-002.json").is_file());
    assert!(!parts.join("part-002-of-002.json").exists());
    let log = |name: String| std::fs::read_to_string(work.join(&name)).unwrap_or_default();
    let merge_log = log(format!("slurm-nt2plan-merge-{first_merge}.out"));
    assert!(
        merge_log.contains("error[E608]") && merge_log.contains("2/2 did not finish"),
        "the first merge names the cancelled shard: {merge_log}"
    );
    assert!(!work.join("results/short").exists());

    // The README's rerun of the one index, and the merge after it.
    let b = submit(&["--array=2", "--cpus-per-task=1"], &sweep_sh);
    let second_merge = submit(&[&format!("--dependency=afterany:{b}")], &merge_sh);
    cluster.wait_ended(&b);
    cluster.wait_ended(&second_merge);
    let rerun = log(format!("slurm-nt2plan-sweep-{b}_2.out"));
    assert!(
        rerun.contains("1 job(s) done earlier, 1 to solve"),
        "the rerun resumes from the record: {rerun}"
    );
    let merged = work.join("results/short");
    assert!(
        merged.join("results.json").is_file(),
        "{}",
        log(format!("slurm-nt2plan-merge-{second_merge}.out"))
    );
    let mut reference = reference;
    assert!(reference.wait().expect("the unsharded run").success());
    assert_eq!(files(&whole), files(&merged));
}

#[test]
fn the_readme_shows_the_slurm_scripts_as_they_are_in_the_repository() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    for script in ["scripts/slurm/sweep.sh", "scripts/slurm/merge.sh"] {
        let text = std::fs::read_to_string(root().join(script)).expect(script);
        assert!(
            readme.contains(&format!("```sh\n{text}```")),
            "README.md must show {script} exactly, in a ```sh block"
        );
    }
}
